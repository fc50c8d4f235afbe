// What the claims list says before there is anything to list: how a claim gets recorded.

export function EmptyState() {
  return (
    <section class="empty" aria-labelledby="empty-heading">
      <h2 id="empty-heading">No claims recorded yet</h2>
      <p>
        A claim is a sentence worth remembering: who promised what, and when. Record one from any page
        Sound Familiar reads — GOV.UK, UK news and public-sector sites.
      </p>
      <ol class="steps">
        <li>
          <strong>Select the sentence</strong> on the page.
        </li>
        <li>
          <strong>Record it:</strong> click <span class="ui-label">Record claim</span> beside the selection, or
          right-click and choose <span class="ui-label">Record “…” as a claim</span>, or press{' '}
          <kbd>Alt</kbd>+<kbd>Shift</kbd>+<kbd>R</kbd>.
        </li>
        <li>
          <strong>Say who made it and when</strong>, what it concerns and where it stands. It will appear here, and on
          the cards of the people and initiatives it concerns.
        </li>
      </ol>
    </section>
  );
}
