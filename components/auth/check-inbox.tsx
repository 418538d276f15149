"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, type ReactNode } from "react";

/**
 * What replaces a form once its mail is on the way. The form that had focus is gone, so focus moves to
 * this heading and a screen reader reads the news.
 */
export function CheckInbox({ children }: { children: ReactNode }) {
  const t = useTranslations("auth");
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="space-y-3">
      <h2 ref={heading} tabIndex={-1} className="text-lg font-semibold text-gray-900">
        {t("checkInbox")}
      </h2>
      {children}
    </div>
  );
}
