// The filter bar: free text plus claimant, entity, status and site. Every control is a native,
// labelled form control, so it works from the keyboard and with screen readers as it is.

import type { ClaimFilter, FilterOption, FilterOptions } from './filter-claims';
import { isFiltering, NO_FILTER } from './filter-claims';

interface Props {
  filter: ClaimFilter;
  options: FilterOptions;
  onChange(filter: ClaimFilter): void;
}

function Choice({ id, label, any, value, options, onChange }: {
  id: string; label: string; any: string; value: string; options: FilterOption[]; onChange(value: string): void;
}) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value)} disabled={options.length === 0 && !value}>
        <option value="">{any}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>{`${o.label} (${o.count})`}</option>
        ))}
      </select>
    </div>
  );
}

export function ClaimFilters({ filter, options, onChange }: Props) {
  const set = (field: keyof ClaimFilter) => (value: string) => onChange({ ...filter, [field]: value });
  return (
    <form class="filters" role="search" aria-label="Filter claims" onSubmit={(e) => e.preventDefault()}>
      <div class="field search">
        <label for="filter-text">Search</label>
        <input
          id="filter-text"
          type="search"
          value={filter.text}
          placeholder="Words in the quote, note, tags or page title"
          autoComplete="off"
          spellcheck={false}
          onInput={(e) => set('text')(e.currentTarget.value)}
        />
      </div>
      <Choice id="filter-claimant" label="Claimant" any="Anyone" value={filter.claimant} options={options.claimants} onChange={set('claimant')} />
      <Choice id="filter-entity" label="Concerning" any="Anything" value={filter.entity} options={options.entities} onChange={set('entity')} />
      <Choice id="filter-status" label="Status" any="Any status" value={filter.status} options={options.statuses} onChange={set('status')} />
      <Choice id="filter-site" label="Site" any="Any site" value={filter.site} options={options.sites} onChange={set('site')} />
      <div class="field clear">
        <button type="reset" class="button quiet" disabled={!isFiltering(filter)} onClick={(e) => { e.preventDefault(); onChange(NO_FILTER); }}>
          Clear filters
        </button>
      </div>
    </form>
  );
}
