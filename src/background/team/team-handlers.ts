// The message handlers for following teams' files, the options page's view of them, and the daily
// refresh. Extension pages only (TEAM_CALL_SENDERS). After a team's claims change every tab is told
// to reload its claims (the dictionary is untouched: a team shares claims, not names).

import { ensureRepeatingAlarm, onAlarm } from '../../platform/alarms';
import type { Handlers } from '../../platform/messaging';
import type { BackgroundCalls } from '../../shared/messages';
import type { TeamView } from '../../shared/team/team-calls';
import type { SoundFamiliarDb, TeamSubscription } from '../db';
import type { BackgroundEffects } from '../effects';
import { allTeamClaims } from './team-store';
import { refreshAllTeams, refreshTeam, subscribeTeam, unsubscribeTeam, type TeamDeps } from './team-subscriptions';

type TeamCallNames = 'teams/list' | 'teams/subscribe' | 'teams/refresh' | 'teams/unsubscribe' | 'teams/claims';

const DAILY = 'sf-team-refresh';

export function teamDeps(effects: Pick<BackgroundEffects, 'refreshTabs'>): TeamDeps {
  return { afterChange: () => effects.refreshTabs(false) };
}

function view(sub: TeamSubscription): TeamView {
  return {
    url: sub.url, title: sub.title, claims: sub.claims, signed: sub.signed,
    ...(sub.publicKey ? { keyStart: sub.publicKey.slice(0, 12) } : {}),
    lastSuccess: sub.lastSuccess, checkedAt: sub.fetchedAt, ...(sub.lastError ? { lastError: sub.lastError } : {}),
  };
}

async function viewOf(db: SoundFamiliarDb, url: string): Promise<TeamView> {
  const sub = await db.teamSubscriptions.get(url);
  if (!sub) throw new Error('You do not follow this team file.');
  return view(sub);
}

export function teamHandlers(db: SoundFamiliarDb, ready: Promise<unknown>, deps: TeamDeps): Pick<Handlers<BackgroundCalls>, TeamCallNames> {
  return {
    async 'teams/list'() {
      await ready;
      return (await db.teamSubscriptions.toArray()).map(view).sort((a, b) => a.title.localeCompare(b.title));
    },
    async 'teams/subscribe'({ url }) {
      await ready;
      await subscribeTeam(db, url, deps);
      return viewOf(db, url);
    },
    async 'teams/refresh'({ url }) {
      await ready;
      await refreshTeam(db, url, deps);
      return viewOf(db, url);
    },
    async 'teams/unsubscribe'({ url }) {
      await ready;
      await unsubscribeTeam(db, url, deps);
      return null;
    },
    async 'teams/claims'() {
      await ready;
      const own = await db.claims.toArray();
      return allTeamClaims(db, own.filter((c) => c.deleted === undefined).map((c) => c.id));
    },
  };
}

/** Registers the daily refresh; call synchronously at background start-up. */
export function scheduleDailyTeamRefresh(db: SoundFamiliarDb, ready: Promise<unknown>, deps: TeamDeps): void {
  onAlarm(DAILY, () => void ready.then(() => refreshAllTeams(db, deps)).catch((error: unknown) => console.error('Sound Familiar: refreshing team files failed', error)));
  void ensureRepeatingAlarm(DAILY, 24 * 60);
}
