// The frame of pages outside a signed-in session: sign-in, enrolment, accessibility statement, 404.
import type { ReactNode } from "react";
import { useSession } from "../features/auth/auth.api";
import { AppFrame } from "./app-frame";
import { Brand, LanguageMenu, mainId, SiteFooter, SkipLink } from "./frame-parts";

export function PublicFrame({
  children,
  width = "narrow",
  headerEnd,
}: {
  children: ReactNode;
  width?: "narrow" | "reading";
  headerEnd?: ReactNode;
}) {
  return (
    <div className="frame">
      <SkipLink />
      <header className="frame-header">
        <Brand />
        <div className="frame-header-end">
          <LanguageMenu />
          {headerEnd}
        </div>
      </header>
      <div className="frame-content">
        <main
          id={mainId}
          className={width === "narrow" ? "frame-main frame-main-narrow" : "frame-main frame-main-reading"}
          tabIndex={-1}
        >
          {children}
        </main>
        <SiteFooter />
      </div>
    </div>
  );
}

/** The signed-in frame when there is a complete session, the public one otherwise. */
export function AdaptiveFrame({ children }: { children: ReactNode }) {
  const me = useSession();
  if (me && me.secondFactor === "done") return <AppFrame>{children}</AppFrame>;
  return <PublicFrame width="reading">{children}</PublicFrame>;
}
