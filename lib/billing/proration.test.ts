import { describe, expect, it } from "vitest";
import { addMonth, periodDays, prorate, remainingDays } from "./proration";

const at = (iso: string) => new Date(iso);

describe("billing periods", () => {
  it("last a calendar month, ending on the month's last day when the next has no such day", () => {
    expect(addMonth(at("2027-01-15T09:30:00Z")).toISOString()).toBe("2027-02-15T09:30:00.000Z");
    expect(addMonth(at("2027-01-31T12:00:00Z")).toISOString()).toBe("2027-02-28T12:00:00.000Z");
    expect(addMonth(at("2028-01-31T12:00:00Z")).toISOString()).toBe("2028-02-29T12:00:00.000Z");
    expect(addMonth(at("2027-12-10T00:00:00Z")).toISOString()).toBe("2028-01-10T00:00:00.000Z");
    expect(periodDays(at("2027-02-01T00:00:00Z"), at("2027-03-01T00:00:00Z"))).toBe(28);
    expect(periodDays(at("2027-03-01T00:00:00Z"), at("2027-04-01T00:00:00Z"))).toBe(31);
  });

  it("count a begun day as left, and never more days than the period has or fewer than none", () => {
    const [start, end] = [at("2027-04-01T00:00:00Z"), at("2027-05-01T00:00:00Z")];
    expect(remainingDays(at("2027-04-19T00:00:00Z"), start, end)).toBe(12);
    expect(remainingDays(at("2027-04-19T00:00:01Z"), start, end)).toBe(12);
    expect(remainingDays(at("2027-04-18T23:59:59Z"), start, end)).toBe(13);
    expect(remainingDays(at("2027-03-20T00:00:00Z"), start, end)).toBe(30);
    expect(remainingDays(at("2027-05-02T00:00:00Z"), start, end)).toBe(0);
  });
});

describe("proration", () => {
  it("charges difference × days left / days in the period, to the nearest cent", () => {
    expect(prorate(8000, 12, 30)).toBe(3200); // Starter → Pro, 12 of 30 days
    expect(prorate(8000, 10, 31)).toBe(2581); // 2580.645…
    expect(prorate(40000, 1, 28)).toBe(1429); // 1428.571…
    expect(prorate(40000, 28, 28)).toBe(40000);
    expect(prorate(1, 1, 2)).toBe(1); // exactly half a cent rounds up
    expect(prorate(3, 1, 4)).toBe(1); // 0.75
    expect(prorate(1, 1, 4)).toBe(0); // 0.25
    expect(prorate(8000, 0, 30)).toBe(0);
    expect(prorate(-8000, 12, 30)).toBe(0);
  });
});
