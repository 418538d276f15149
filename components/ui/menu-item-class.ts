// Apart from menu.tsx: the Radix half (lazy-dropdown-menu.tsx) needs it too, and menu.tsx loads that half.
export const menuItemClass =
  "flex cursor-pointer select-none items-center gap-2 rounded px-2 py-1.5 text-sm text-gray-900 outline-none data-[highlighted]:bg-indigo-50 data-[disabled]:cursor-not-allowed data-[disabled]:text-gray-500";
