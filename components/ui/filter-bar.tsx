"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "./button";
import { TextField } from "./field";
import { SelectField, type SelectOption } from "./select";

export type FilterSpec =
  | { name: string; label: string; kind: "select"; options: SelectOption[] }
  | { name: string; label: string; kind: "date" }
  | { name: string; label: string; kind: "text"; placeholder?: string };

const ANY = "__any";

/** Filters kept in the URL's query, so a filtered view can be reloaded, shared and exported. */
export function FilterBar({ base, filters, values }: { base: string; filters: FilterSpec[]; values: Record<string, string | undefined> }) {
  const t = useTranslations("ui.filterBar");
  const router = useRouter();
  const [state, setState] = useState<Record<string, string>>(
    Object.fromEntries(filters.map((f) => [f.name, values[f.name] ?? (f.kind === "select" ? ANY : "")])),
  );
  const apply = () => {
    const query = new URLSearchParams(Object.entries(state).filter(([, v]) => v && v !== ANY));
    router.push(`${base}${query.size ? `?${query}` : ""}`);
  };
  return (
    <form
      role="search"
      aria-label={t("label")}
      className="flex flex-wrap items-end gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        apply();
      }}
    >
      {filters.map((f) => (
        <div key={f.name} className="w-48">
          {f.kind === "select" ? (
            <SelectField label={f.label} value={state[f.name]} onChange={(v) => setState((s) => ({ ...s, [f.name]: v }))} options={[{ value: ANY, label: t("any") }, ...f.options]} />
          ) : (
            <TextField
              label={f.label}
              type={f.kind === "date" ? "date" : "search"}
              placeholder={f.kind === "text" ? f.placeholder : undefined}
              value={state[f.name]}
              onChange={(e) => setState((s) => ({ ...s, [f.name]: e.target.value }))}
            />
          )}
        </div>
      ))}
      <Button type="submit" variant="secondary">{t("apply")}</Button>
    </form>
  );
}
