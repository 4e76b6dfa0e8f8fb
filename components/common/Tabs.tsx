import { startTransition, Suspense, useRef, useState, type ReactNode } from 'react';

export interface TabDefinition<Id extends string> {
  id: Id;
  label: string;
  content: ReactNode;
}

interface Props<Id extends string> {
  tabs: TabDefinition<Id>[];
  active: Id;
  onChange(id: Id): void;
}

/**
 * An ARIA tab list: arrow keys, Home and End move between tabs. A tab is rendered when first
 * shown and then stays mounted, hidden, so that what is typed in it survives a switch.
 */
export function Tabs<Id extends string>({ tabs, active, onChange }: Props<Id>) {
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const [visited, setVisited] = useState<ReadonlySet<Id>>(() => new Set([active]));
  if (!visited.has(active)) setVisited(new Set([...visited, active]));
  // A switch is a transition: while a tab's code is still loading the one shown stays, rather
  // than an empty panel that React would hold for some 300 ms after the code has come.
  const choose = (id: Id) => startTransition(() => onChange(id));
  const move = (index: number) => {
    const next = (index + tabs.length) % tabs.length;
    choose(tabs[next].id);
    buttons.current[next]?.focus();
  };
  const activeIndex = tabs.findIndex((t) => t.id === active);
  return (
    <>
      <div className="tabs" role="tablist">
        {tabs.map((tab, i) => (
          <button
            key={tab.id}
            ref={(el) => {
              buttons.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`tab-${tab.id}`}
            aria-selected={tab.id === active}
            aria-controls={`panel-${tab.id}`}
            tabIndex={tab.id === active ? 0 : -1}
            onClick={() => choose(tab.id)}
            onKeyDown={(event) => {
              if (event.key === 'ArrowRight') move(i + 1);
              else if (event.key === 'ArrowLeft') move(i - 1);
              else if (event.key === 'Home') move(0);
              else if (event.key === 'End') move(tabs.length - 1);
              else return;
              event.preventDefault();
            }}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {tabs.map((tab, i) => (
        <div key={tab.id} role="tabpanel" id={`panel-${tab.id}`} aria-labelledby={`tab-${tab.id}`} hidden={i !== activeIndex}>
          <Suspense fallback={null}>{(i === activeIndex || visited.has(tab.id)) && tab.content}</Suspense>
        </div>
      ))}
    </>
  );
}
