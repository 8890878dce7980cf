// The person search in the header: type-ahead over GET /persons?q= (spelling variants, swapped
// names, birth dates), shown as an ARIA combobox with a listbox — arrow keys move, Enter opens the
// case file, Escape closes (and a second Escape clears). On phones the header has no room for a
// search box: an icon button opens it as a bar below the header, and Escape or a click elsewhere
// closes it again.
import { ActionIcon, Loader, TextInput, VisuallyHidden } from "@mantine/core";
import { useDebouncedValue, useMediaQuery } from "@mantine/hooks";
import { IconSearch } from "@tabler/icons-react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { type KeyboardEvent, useEffect, useId, useRef, useState } from "react";
import "./global-search.css";
import { usePartialDate } from "../persons/partial-dates";
import { type SearchHit, searchPersons } from "./search.api";
import { useReasonWords, useSearchStrings } from "./search.i18n";

const fullName = (p: { givenNames: string; familyName: string }) =>
  p.familyName ? `${p.familyName}, ${p.givenNames}` : p.givenNames;

export function GlobalSearch() {
  const t = useSearchStrings();
  const words = useReasonWords();
  const dates = usePartialDate();
  const navigate = useNavigate();
  const id = useId();
  const listId = `${id}-listbox`;
  const hintId = `${id}-hint`;
  const panelId = `${id}-panel`;
  const compact = useMediaQuery("(max-width: 40em)", false, { getInitialValueInEffect: false });
  const [panelOpen, setPanelOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const [text, setText] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [debounced] = useDebouncedValue(text.trim(), 250);
  const rootRef = useRef<HTMLDivElement>(null);
  const enabled = debounced.length >= 2;
  const query = useQuery({
    queryKey: ["persons", "search", debounced],
    queryFn: () => searchPersons(debounced),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
  const hits: SearchHit[] = enabled ? (query.data?.items ?? []) : [];
  const expanded = open && enabled && (hits.length > 0 || !query.isFetching);

  // A new result list starts without an active option.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the query changes
  useEffect(() => setActive(-1), [debounced]);

  // Clicking elsewhere closes the list (and the bar on phones).
  useEffect(() => {
    const onDown = (e: MouseEvent) => {
      if (rootRef.current && !rootRef.current.contains(e.target as Node)) {
        setOpen(false);
        setPanelOpen(false);
      }
    };
    document.addEventListener("mousedown", onDown);
    return () => document.removeEventListener("mousedown", onDown);
  }, []);

  // The bar opens with the cursor in the field.
  useEffect(() => {
    if (compact && panelOpen) inputRef.current?.focus();
  }, [compact, panelOpen]);

  const closePanel = () => {
    setPanelOpen(false);
    setOpen(false);
    buttonRef.current?.focus();
  };

  const openHit = (hit: SearchHit) => {
    setOpen(false);
    setPanelOpen(false);
    setText("");
    void navigate({ to: "/persons/$personId", params: { personId: hit.id } });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    // Opening the list with an arrow key starts at its first (or last) option.
    if (e.key === "ArrowDown") {
      e.preventDefault();
      setOpen(true);
      if (hits.length > 0) setActive((i) => (expanded ? (i + 1) % hits.length : 0));
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      setOpen(true);
      if (hits.length > 0) setActive((i) => (expanded && i > 0 ? i - 1 : hits.length - 1));
    } else if (e.key === "Enter") {
      const hit = hits[active] ?? (hits.length === 1 ? hits[0] : undefined);
      if (expanded && hit) {
        e.preventDefault();
        openHit(hit);
      }
    } else if (e.key === "Escape") {
      // The first Escape closes the list (a search field would clear itself: not yet).
      setActive(-1);
      if (compact && !text) closePanel();
      else if (expanded) {
        e.preventDefault();
        setOpen(false);
      } else setText("");
    }
  };

  const status = !enabled
    ? ""
    : query.isFetching && hits.length === 0
      ? t("searching")
      : hits.length === 0
        ? t("none")
        : t("count", { count: hits.length });

  // The phone's search button: opens the bar, or closes it when open.
  const toggle = (
    <ActionIcon
      ref={buttonRef}
      variant="default"
      size={40}
      aria-label={t("label")}
      title={t("label")}
      aria-expanded={panelOpen}
      aria-controls={panelId}
      onClick={() => (panelOpen ? closePanel() : setPanelOpen(true))}
      data-testid="global-search-open"
    >
      <IconSearch size={22} aria-hidden="true" />
    </ActionIcon>
  );
  if (compact && !panelOpen)
    return (
      <div className="global-search global-search-compact" ref={rootRef}>
        {toggle}
      </div>
    );

  const field = (
    <>
      <TextInput
        ref={inputRef}
        type="search"
        size="sm"
        placeholder={t("placeholder")}
        aria-label={t("label")}
        value={text}
        onChange={(e) => {
          setText(e.currentTarget.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onKeyDown={onKeyDown}
        leftSection={<IconSearch size={16} aria-hidden="true" />}
        rightSection={query.isFetching && enabled ? <Loader size={14} aria-hidden="true" /> : null}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
        aria-describedby={hintId}
        autoComplete="off"
        spellCheck={false}
        data-testid="global-search"
      />
      <VisuallyHidden id={hintId}>{t("hint")}</VisuallyHidden>
      <VisuallyHidden role="status" aria-live="polite">
        {open ? status : ""}
      </VisuallyHidden>
      {expanded && hits.length === 0 ? <div className="global-search-list global-search-empty">{t("none")}</div> : null}
      <div
        id={listId}
        role="listbox"
        aria-label={t("results")}
        className="global-search-list"
        hidden={!expanded || hits.length === 0}
      >
        {hits.map((h, i) => {
          const born = dates.format(h.birthDate);
          const why = words(h.matchReasons);
          return (
            // biome-ignore lint/a11y/useKeyWithClickEvents: the combobox input handles the keyboard
            <div
              key={h.id}
              id={`${listId}-${i}`}
              role="option"
              tabIndex={-1}
              aria-selected={i === active}
              className="global-search-option"
              data-active={i === active || undefined}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => openHit(h)}
              onMouseEnter={() => setActive(i)}
            >
              <span className="global-search-name">{fullName(h)}</span>
              <span className="global-search-meta">
                {born ? t("born", { date: born }) : t("unknownBirth")}
                {why ? ` · ${why}` : ""}
              </span>
            </div>
          );
        })}
      </div>
    </>
  );

  if (!compact)
    return (
      <div className="global-search" ref={rootRef}>
        {field}
      </div>
    );
  return (
    <div className="global-search global-search-compact" ref={rootRef}>
      {toggle}
      <search id={panelId} className="global-search-panel">
        {field}
      </search>
    </div>
  );
}
