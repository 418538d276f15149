import PDFDocument from "pdfkit";
import { formatDate, formatMoney } from "@/lib/i18n/format";
import { DEFAULT_LOCALE, type AppLocale } from "@/lib/i18n/locale";
import { translatorFor } from "@/lib/i18n/translator";
import { invoiceLabel } from "./ledger";
import { PLAN_CAPS } from "./plans";

export interface InvoiceForPdf {
  number: number;
  issuedAt: Date;
  description: string;
  amountMinor: number;
  currency: string;
  plan: keyof typeof PLAN_CAPS;
  periodStart: Date;
  periodEnd: Date;
  billingName: string;
  billingAddress: string;
  billingVatId: string;
}

// The PDF's standard fonts (Helvetica) hold the Windows-1252 characters only: Latin-1 and these.
const WIN_ANSI_EXTRA = new Set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ");

/** Text the standard fonts can draw: anything else would print as other glyphs, so it prints as "?". */
export function pdfText(value: string): string {
  return Array.from(value, (char) => {
    const code = char.codePointAt(0)!;
    if (char === "\n") return char;
    if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(char)) return char;
    return code < 0x20 || code === 0x7f ? " " : "?";
  }).join("");
}

/**
 * An invoice as an A4 PDF, drawn with pdfkit's built-in Helvetica (nothing to load from disk). The text
 * is real text, so the amount can be searched and copied. The bill-to block is the copy of the billing
 * details taken when the invoice was issued; without one, the workspace's name stands in. Its words,
 * dates and amounts are in the language of whoever downloads it.
 */
export async function renderInvoicePdf(
  invoice: InvoiceForPdf,
  workspace: { name: string; slug: string },
  locale: AppLocale = DEFAULT_LOCALE,
): Promise<Buffer> {
  const label = invoiceLabel(invoice.number);
  const t = translatorFor(locale, "billing.invoicePdf");
  const plans = translatorFor(locale, "billing.plans");
  const title = t("title", { invoice: label });
  const doc = new PDFDocument({
    size: "A4",
    margin: 56,
    info: { Title: title, Author: "Workspaces", Subject: `${workspace.name}: ${label}` },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const amount = pdfText(formatMoney(invoice.amountMinor, invoice.currency, locale));
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;

  doc.font("Helvetica-Bold").fontSize(22).text(title);
  doc.moveDown(0.3).font("Helvetica").fontSize(10).fillColor("#444444");
  doc.text(pdfText(t("issued", { day: formatDate(invoice.issuedAt, locale) })));
  doc.text(pdfText(t("workspace", { name: workspace.name, slug: workspace.slug })));
  doc.moveDown(1.2).fillColor("#000000");

  doc.font("Helvetica-Bold").fontSize(11).text(pdfText(t("billTo")));
  doc.font("Helvetica").fontSize(10);
  doc.text(pdfText(invoice.billingName || workspace.name));
  if (invoice.billingAddress) doc.text(pdfText(invoice.billingAddress));
  if (invoice.billingVatId) doc.text(pdfText(t("vatId", { vatId: invoice.billingVatId })));
  doc.moveDown(1.5);

  const columns = { description: left, period: left + width * 0.5, amount: left + width * 0.8 };
  const top = doc.y;
  doc.font("Helvetica-Bold").fontSize(10);
  doc.text(pdfText(t("description")), columns.description, top, { width: width * 0.47 });
  doc.text(pdfText(t("period")), columns.period, top, { width: width * 0.29 });
  doc.text(pdfText(t("amount")), columns.amount, top, { width: width * 0.2, align: "right" });
  const rule = doc.y + 4;
  doc.moveTo(left, rule).lineTo(left + width, rule).strokeColor("#999999").stroke();

  const row = rule + 8;
  doc.font("Helvetica").fontSize(10);
  doc.text(pdfText(invoice.description), columns.description, row, { width: width * 0.47 });
  const afterDescription = doc.y;
  doc.text(pdfText(t("periodRange", { start: formatDate(invoice.periodStart, locale), end: formatDate(invoice.periodEnd, locale) })), columns.period, row, { width: width * 0.29 });
  doc.text(amount, columns.amount, row, { width: width * 0.2, align: "right" });
  const totalTop = Math.max(afterDescription, doc.y) + 16;
  doc.moveTo(left, totalTop - 8).lineTo(left + width, totalTop - 8).stroke();
  doc.font("Helvetica-Bold").fontSize(12);
  doc.text(pdfText(t("total")), columns.description, totalTop, { width: width * 0.5 });
  doc.text(amount, columns.amount - width * 0.1, totalTop, { width: width * 0.3, align: "right" });

  doc.font("Helvetica").fontSize(9).fillColor("#444444");
  doc.text(
    pdfText(t("paidFrom", { currency: invoice.currency, plan: plans(invoice.plan) })),
    left,
    totalTop + 36,
    { width },
  );
  doc.end();
  return finished;
}
