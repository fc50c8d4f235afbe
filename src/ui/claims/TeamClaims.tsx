// "Team claims" on the claims list: the claims of the teams the reader follows (options page →
// Team claims), apart from the reader's own, filterable by team and by words, a page at a time.
// Shown only when there are some. Nothing here can change them.

import { useEffect, useMemo, useState } from 'preact/hooks';
import { formatCount } from '../../shared/format-count';
import type { ShownClaim } from '../../shared/team/team-calls';
import { background } from '../shared/background';
import { CLAIMS_PER_PAGE } from './ClaimList';
import type { EntityNames } from './entity-names';
import { filterClaims, NO_FILTER } from './filter-claims';
import { TeamClaimRow } from './TeamClaimRow';

export function TeamClaims({ names, today, doc = document }: { names: EntityNames; today: string; doc?: Document }) {
  const [claims, setClaims] = useState<ShownClaim[] | null>(null);
  const [team, setTeam] = useState('');
  const [text, setText] = useState('');
  const [limit, setLimit] = useState(CLAIMS_PER_PAGE);

  useEffect(() => {
    const load = () => void background('teams/claims', {}).then(setClaims, () => setClaims((c) => c ?? []));
    load();
    const controller = new AbortController();
    doc.addEventListener('visibilitychange', () => { if (doc.visibilityState === 'visible') load(); }, { signal: controller.signal });
    return () => controller.abort();
  }, [doc]);

  const teams = useMemo(() => {
    const counts = new Map<string, { title: string; count: number }>();
    for (const c of claims ?? []) {
      if (!c.team) continue;
      const seen = counts.get(c.team.team);
      counts.set(c.team.team, { title: c.team.title, count: (seen?.count ?? 0) + 1 });
    }
    return [...counts].map(([value, { title, count }]) => ({ value, title, count })).sort((a, b) => a.title.localeCompare(b.title));
  }, [claims]);
  const shown = useMemo(() => {
    const ofTeam = (claims ?? []).filter((c) => team === '' || c.team?.team === team);
    const pass = new Set(filterClaims(ofTeam, { ...NO_FILTER, text }, today).map((c) => c.id));
    return ofTeam.filter((c) => pass.has(c.id));
  }, [claims, team, text, today]);

  if (!claims || claims.length === 0) return null;
  const visible = shown.slice(0, limit);
  return (
    <section class="claims team-claims" aria-labelledby="team-claims-heading">
      <div class="section-head">
        <h2 id="team-claims-heading">Team claims</h2>
        <p class="section-note">Shared by the teams you follow (options page → Team claims). Read-only, and kept apart from yours.</p>
      </div>
      <form class="filters team-filters" role="search" aria-label="Filter team claims" onSubmit={(e) => e.preventDefault()}>
        <div class="field search">
          <label for="team-filter-text">Search team claims</label>
          <input id="team-filter-text" type="search" value={text} autoComplete="off" spellcheck={false}
            placeholder="Words in the quote, note, tags or page title" onInput={(e) => { setText(e.currentTarget.value); setLimit(CLAIMS_PER_PAGE); }} />
        </div>
        <div class="field">
          <label for="team-filter-team">Team</label>
          <select id="team-filter-team" value={team} onChange={(e) => { setTeam(e.currentTarget.value); setLimit(CLAIMS_PER_PAGE); }}>
            <option value="">Every team</option>
            {teams.map((t) => <option key={t.value} value={t.value}>{`${t.title} (${t.count})`}</option>)}
          </select>
        </div>
      </form>
      <p class="count" aria-live="polite"><strong>{formatCount(shown.length)}</strong> of {formatCount(claims.length)} team {claims.length === 1 ? 'claim' : 'claims'}</p>
      <ol class="claim-list">
        {visible.map((claim) => <li key={claim.id}><TeamClaimRow claim={claim} names={names} today={today} /></li>)}
      </ol>
      {shown.length > visible.length && (
        <div class="more">
          <button type="button" class="button" onClick={() => setLimit(limit + CLAIMS_PER_PAGE)}>
            Show {formatCount(Math.min(shown.length - visible.length, CLAIMS_PER_PAGE))} more
          </button>
          <span class="more-count">{formatCount(visible.length)} of {formatCount(shown.length)} shown</span>
        </div>
      )}
    </section>
  );
}
