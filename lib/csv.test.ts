import { describe, expect, it } from "vitest";
import { toCsv } from "./csv";

describe("toCsv", () => {
  it("quotes what needs quoting", () => {
    expect(toCsv([["a", 'say "hi"', "x,y", null, undefined, ""]])).toBe(`a,"say ""hi""","x,y",,,`);
    expect(toCsv([["line\nbreak"]])).toBe('"line\nbreak"');
    expect(toCsv([["carriage\rreturn", "a\r\nb"]])).toBe('"carriage\rreturn","a\r\nb"');
    expect(toCsv([["h1", "h2"], [1, 2]])).toBe("h1,h2\r\n1,2");
  });

  it("keeps text that would start a formula inert", () => {
    expect(toCsv([["=SUM(A1)", "=HYPERLINK(\"http://evil.test\",\"x\")", "+1+1", "@SUM(A1)", "\tx", "\rx"]])).toBe(
      `'=SUM(A1),"'=HYPERLINK(""http://evil.test"",""x"")",'+1+1,'@SUM(A1),'\tx,"'\rx"`,
    );
    expect(toCsv([["-2+3+cmd|' /C calc'!A0", "-1+1", "- note", "-$A$1", "-EUR 5.00"]])).toBe(
      `'-2+3+cmd|' /C calc'!A0,'-1+1,'- note,'-$A$1,'-EUR 5.00`,
    );
    // Full-width twins that some spreadsheets normalize to =, +, - and @.
    expect(toCsv([["＝1+1", "＋1", "－1", "＠x"]])).toBe("'＝1+1,'＋1,'－1,'＠x");
  });

  it("writes negative numbers plainly, as numbers or as text", () => {
    expect(toCsv([[-500, -5.5, "-500", "-5.00", "-$499.00", "-$1,234.00", 0, "12.00"]])).toBe(
      `-500,-5.5,-500,-5.00,-$499.00,"-$1,234.00",0,12.00`,
    );
  });
});
