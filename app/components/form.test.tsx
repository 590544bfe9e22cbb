import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ErrorList } from './form';

// Found by the browser journey with JavaScript off (axe "listitem"): a refused form listed its
// errors in <ul role="alert">, and the alert role hides the list, so its items were in no list.
describe('ErrorList', () => {
  it('keeps the list a list inside the alert, with the id the field points at', () => {
    const html = renderToStaticMarkup(<ErrorList id="f-error" errors={['Pakollinen tieto.']} />);
    expect(html).toBe('<div id="f-error" role="alert"><ul class="field-errors"><li>Pakollinen tieto.</li></ul></div>');
    expect(html).not.toMatch(/<ul[^>]*role=/);
  });

  it('renders nothing without errors', () => {
    expect(renderToStaticMarkup(<ErrorList id="f-error" errors={[]} />)).toBe('');
  });
});
