// "Team claims": follow a team's published export (the file Export writes, put at an https
// address) as a read-only set of claims shown on pages and in cards, marked as the team's. Each
// subscription shows its title, how many claims it holds, whether it is signed, when it last
// updated, and why the last update was refused if it was. Everything shown from the file is text.

import type { TeamView } from '../../shared/team/team-calls';
import { background } from '../shared/background';
import { RefusedUpdate, SignatureLine, useRowAction, useSubscriptions, when } from './subscription-parts';
const claimsText = (n: number) => `${n.toLocaleString('en-GB')} ${n === 1 ? 'claim' : 'claims'}`;

function TeamRow({ team, say, onChanged }: { team: TeamView; say(text: string): void; onChanged(): void }) {
  const { busy, act } = useRowAction(say, onChanged);
  return (
    <li class="pack">
      <div class="pack-head">
        <span class="pack-title">{team.title}</span>
        <span class={team.signed ? 'badge signed' : 'badge unsigned'}>{team.signed ? 'Signed' : 'Unsigned'}</span>
      </div>
      <div class="pack-meta">{claimsText(team.claims)} · read-only · last updated {when(team.lastSuccess)}</div>
      <div class="pack-url muted">{team.url}</div>
      <SignatureLine copy={team} updates="copies" />
      <RefusedUpdate copy={team} />
      <div class="buttons">
        <button type="button" class="secondary" disabled={busy} aria-label={`Refresh team ${team.title} now`}
          onClick={() => void act(async () => {
            const after = await background('teams/refresh', { url: team.url });
            return after.lastError && after.checkedAt !== after.lastSuccess
              ? `“${after.title}” was not updated: see why below.`
              : `“${after.title}” is up to date (${claimsText(after.claims)}).`;
          })}>Refresh now</button>
        <button type="button" class="secondary" disabled={busy} aria-label={`Unsubscribe from team ${team.title}`}
          onClick={() => void act(async () => {
            await background('teams/unsubscribe', { url: team.url });
            return `Unsubscribed from “${team.title}”: its claims are gone from your pages.`;
          })}>Unsubscribe</button>
      </div>
    </li>
  );
}

export function TeamPanel() {
  const { items: teams, address, setAddress, status, setStatus, busy, reload, subscribe } = useSubscriptions({
    list: () => background('teams/list', {}),
    subscribe: async (url) => {
      const team = await background('teams/subscribe', { url });
      return `Subscribed to “${team.title}” (${claimsText(team.claims)}).`;
    },
    plural: 'teams',
    badAddress: 'A team file’s address must start with https:// (and have no port or password in it).',
    fetching: 'Fetching and checking the team’s file…',
  });

  return (
    <section class="panel" aria-labelledby="team-title">
      <h2 id="team-title">Team claims {teams && teams.length > 0 && <span class="count">{teams.length}</span>}</h2>
      <p>
        See the claims your team recorded where they were made, marked as the team’s. Someone on the team puts the
        file <em>Export</em> writes (or one merged from everyone’s) at an https address; paste that address here.
        Team claims are read-only, stay apart from yours, and are checked for updates every day.
      </p>
      <form class="subscribe" onSubmit={subscribe}>
        <label for="team-url">Team file address</label>
        <input id="team-url" type="url" inputMode="url" placeholder="https://example.org/team/sound-familiar.json" value={address}
          onInput={(e) => setAddress(e.currentTarget.value)} spellcheck={false} autocomplete="off" />
        <button type="submit" class="primary" aria-label="Subscribe to team file" disabled={busy || address.trim() === ''}>Subscribe</button>
      </form>
      {status && <p class="status" role="status">{status}</p>}
      {teams && teams.length === 0 && <p class="muted">You do not follow any team’s claims.</p>}
      {teams && teams.length > 0 && (
        <ul class="packs">
          {teams.map((t) => <TeamRow key={t.url} team={t} onChanged={reload} say={setStatus} />)}
        </ul>
      )}
    </section>
  );
}
