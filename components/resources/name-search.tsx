import { Search } from "lucide-react";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";

/** A list's name search: a plain GET form, so the results are a link like any page of the list. */
export function NameSearch({ action, label, value }: { action: string; label: string; value: string }) {
  const t = useTranslations("resources.search");
  // From the list's address, not its label: the id stays the same in every language.
  const id = `${action.split("/").at(-1)}-search`;
  return (
    <form role="search" action={action} className="flex max-w-md gap-2">
      <label htmlFor={id} className="sr-only">{label}</label>
      <input id={id} name="q" type="search" defaultValue={value} placeholder={t("placeholder")} className={inputClass} />
      <button type="submit" className={buttonClass("secondary")}>
        <Search aria-hidden className="size-4" /> {t("submit")}
      </button>
    </form>
  );
}
