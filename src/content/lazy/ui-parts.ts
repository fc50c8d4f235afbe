// What the second content script (content-ui.js) brings: the card and its views, the claim editor's
// frame, the record button, capturing a selection as a claim, and placing the page's claims. None
// of it is needed on a page until the reader hovers or steps to a name, selects text, gives a
// command, or has claims there; content.js loads it then (load-part.ts).

import { ClaimPlacer } from '../claims/claim-placer';
import { captureRange, captureSelection } from '../selection/capture-selection';
import { CARD_CSS } from '../ui/card-styles';
import { CardController } from '../ui/card-controller';
import { renderCard } from '../ui/card-view';
import { renderClaimCard } from '../ui/claim-view';
import { renderEchoCard } from '../ui/echo-view';
import { EditorFrame } from '../ui/editor-frame';
import { recordButton } from '../ui/record-view';
import { RECORD_CSS } from '../ui/record-styles';

export const uiParts = {
  styles: CARD_CSS + RECORD_CSS,
  CardController,
  EditorFrame,
  ClaimPlacer,
  renderCard,
  renderClaimCard,
  renderEchoCard,
  recordButton,
  captureSelection,
  captureRange,
};

export type UiParts = typeof uiParts;
