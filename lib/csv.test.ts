import { describe, expect, it } from "vitest";
import { toCsv } from "./csv";

describe("toCsv", () => {
  it("quotes what needs quoting and keeps formulas inert", () => {
    expect(toCsv([["a", 'say "hi"', "x,y", "=SUM(A1)", -5, null]])).toBe(`a,"say ""hi""","x,y",'=SUM(A1),'-5,`);
    expect(toCsv([["line\nbreak"]])).toBe('"line\nbreak"');
  });
});
