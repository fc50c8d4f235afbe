// Claims list entry point (claims.html, also the extension's options page).
import { render } from 'preact';
import { ClaimsPage } from './ClaimsPage';

render(<ClaimsPage />, document.getElementById('app')!);
