import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { pdfText, renderInvoicePdf } from "./invoice-pdf";

const invoice = {
  number: 42,
  issuedAt: new Date("2030-02-01T00:00:00Z"),
  description: "Upgrade from Starter to Pro, 12 of 30 days (2030-01-20 – 2030-02-01)",
  amountMinor: 3_200,
  currency: "USD",
  plan: "PRO" as const,
  periodStart: new Date("2030-01-20T00:00:00Z"),
  periodEnd: new Date("2030-02-01T00:00:00Z"),
  billingName: "",
  billingAddress: "",
  billingVatId: "",
};

async function textOf(pdf: Buffer) {
  return (await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true })).text;
}

describe("invoice PDFs", () => {
  it("hold the number, the line, the period and the total as text, billed to the workspace without details", async () => {
    const text = await textOf(await renderInvoicePdf(invoice, { name: "Acme Consulting", slug: "acme" }));
    expect(text).toContain("Invoice INV-0042");
    expect(text).toContain("Acme Consulting");
    expect(text).toContain("Upgrade from Starter to Pro");
    expect(text).toContain("Jan 20, 2030 to Feb 1, 2030");
    expect(text.match(/\$32\.00/g)).toHaveLength(2); // the line and the total
  });

  it("are written in the reader's language: German words, dates and money", async () => {
    const text = await textOf(await renderInvoicePdf(invoice, { name: "Acme Consulting", slug: "acme" }, "de"));
    expect(text).toContain("Rechnung INV-0042");
    expect(text).toContain("20.01.2030 bis 01.02.2030");
    expect(text).toContain("Tarif: Pro");
    expect(text.match(/32,00\s\$/g)).toHaveLength(2);
  });

  it("print what the standard font cannot draw as '?', keeping Western European text", async () => {
    expect(pdfText("Søren Ærø – “Müller” €5\u0001 Привет 株式")).toBe("Søren Ærø – “Müller” €5  ?????? ??");
    const text = await textOf(await renderInvoicePdf({ ...invoice, billingName: "Ωmega Ltd" }, { name: "x", slug: "x" }));
    expect(text).toContain("?mega Ltd");
  });
});
