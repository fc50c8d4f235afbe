// Editor entry point: the draft id comes in the URL fragment (never sent anywhere).
import { render } from 'preact';
import { listenForOpener } from './close-editor';
import { Editor } from './Editor';

const draftId = decodeURIComponent(location.hash.slice(1));
listenForOpener(draftId);
render(<Editor draftId={draftId} />, document.getElementById('app')!);
