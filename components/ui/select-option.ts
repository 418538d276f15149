// Apart from select.tsx: the Radix half (lazy-select.tsx) needs it too, and select.tsx loads that half.
export interface SelectOption {
  value: string;
  label: string;
}
