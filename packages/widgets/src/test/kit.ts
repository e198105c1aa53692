// The elements in the states a look test needs: an uploader with a file, a picker with a
// chosen role, a tree with a selected folder, inside a box with a theme of themes.css.
import { fixture, html } from '@open-wc/testing';
import { emulateMedia as emulate } from '@web/test-runner-commands';
import { makePdf } from '@docportal/mock-server/testing';
import { deep, dropFiles, until } from './setup.ts';

let loaded: Promise<void> | undefined;

/** Adds the package's themes.css to the page (once). */
export function loadThemes(): Promise<void> {
  loaded ??= fetch(new URL('../styles/themes.css', import.meta.url)).then(async (r) => {
    const style = document.createElement('style');
    style.textContent = await r.text();
    document.head.append(style);
  });
  return loaded;
}

/**
 * Emulates media features in this page (@web/test-runner-commands' emulateMedia): forcedColors,
 * colorScheme, reducedMotion. Firefox over WebDriver BiDi has no media emulation: there it does
 * nothing and answers false, and the tests that need it run in Chromium only.
 */
export const emulateMedia = async (media: {
  forcedColors?: 'active' | 'none' | null;
  colorScheme?: 'light' | 'dark' | null;
  reducedMotion?: 'reduce' | null;
}): Promise<boolean> => {
  if (navigator.userAgent.includes('Firefox')) return false;
  await emulate(media as Parameters<typeof emulate>[0]);
  return true;
};

export interface Kit {
  box: HTMLElement;
  uploader: HTMLElement & { updateComplete: Promise<boolean> };
  picker: HTMLElement & { updateComplete: Promise<boolean> };
  tree: HTMLElement & { updateComplete: Promise<boolean> };
}

/** An uploader holding one file, a picker with "Alle Mieter" chosen, and a managing tree with a folder selected. */
export async function kit(attrs = ''): Promise<Kit> {
  await loadThemes();
  // Without transitions, so that colours read after a change of theme are the new ones.
  await emulateMedia({ reducedMotion: 'reduce' });
  const box = await fixture<HTMLElement>(
    html`<div style="background: var(--doc-color-surface, #fff); padding: 8px; width: 900px">
      <doc-uploader
        base-url="/api/v1"
        token="manager"
        scope="property:rosenweg-24"
        locale="de"
      ></doc-uploader>
      <share-picker
        base-url="/api/v1"
        token="manager"
        scope="property:rosenweg-24"
        locale="de"
        placeholder="Name, Adresse …"
      ></share-picker>
      <doc-folder-tree
        base-url="/api/v1"
        token="manager"
        scope="property:rosenweg-24"
        locale="de"
        mode="manage"
        selected="objektunterlagen"
        style="--doc-tree-height: 12rem"
      ></doc-folder-tree>
    </div>`,
  );
  for (const a of attrs.split(' ').filter(Boolean)) {
    const [k, v = ''] = a.split('=');
    if (k === 'class') box.className = v;
    else box.setAttribute(k!, v);
  }
  const [uploader, picker, tree] = [...box.children] as Kit['uploader'][];
  const zone = await until(() => uploader!.shadowRoot!.querySelector('.dropzone'), 5000, 'drop zone');
  dropFiles(zone, [
    new File([makePdf('Hausordnung') as Uint8Array<ArrayBuffer>], 'Hausordnung.pdf', {
      type: 'application/pdf',
    }),
  ]);
  await until(() => uploader!.shadowRoot!.querySelector('.file share-picker'), 5000, 'a file card');
  const tenants = await until(
    () => deep<HTMLInputElement>(picker!.shadowRoot!, 'input[type="checkbox"]'),
    5000,
    'role checkbox',
  );
  tenants.click();
  await until(
    () => tree!.shadowRoot!.querySelector('[role="treeitem"][aria-selected="true"]'),
    5000,
    'the selected folder row',
  );
  // Firefox cannot emulate reduced motion: let the transitions that the theme and the dropped
  // file started (the drop zone's background, 120 ms) end before any colour is read.
  const running = [uploader!, picker!, tree!].flatMap((el) => el.shadowRoot!.getAnimations());
  await Promise.all(running.map((a) => a.finished.catch(() => undefined)));
  return { box, uploader: uploader!, picker: picker!, tree: tree! };
}
