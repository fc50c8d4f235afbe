// The popup's list of claims recorded on this page that could not be placed in its text today:
// they are kept, and this says so, rather than letting them vanish without a word.

import type { UnplacedClaim } from '../../shared/messages';
import { truncate } from '../shared/truncate';

export function UnplacedClaims({ claims }: { claims: UnplacedClaim[] }) {
  if (claims.length === 0) return null;
  return (
    <section class="unplaced" aria-labelledby="unplaced-heading">
      <h2 id="unplaced-heading">Claims on this page that could not be placed</h2>
      <p class="note">The page has changed since you recorded {claims.length === 1 ? 'this' : 'these'}; {claims.length === 1 ? 'it is' : 'they are'} kept, not lost.</p>
      <ul class="unplaced-list">
        {claims.map((c) => (
          <li key={c.id} title={c.quote}>
            “{truncate(c.quote, 140)}”
          </li>
        ))}
      </ul>
    </section>
  );
}
