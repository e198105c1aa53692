// The uploader's per-file list rendering: a file's card (title, type, recipients, own choice, progress or failure), the choice shared by all files, and the overall progress.
import { html, nothing } from 'lit';
import type { ShareTarget } from '@docportal/core-sdk';
import { errorNotice } from '../../internal/error-notice.js';
import { check, close, file as fileIcon } from '../../internal/icons.js';
import { PICKER_PARTS } from '../../internal/parts.js';
import { typeOptions } from '../../internal/type-options.js';
import type { Item, Uploader } from './doc-uploader.internals.js';
import { retryItem } from './doc-uploader.queue.js';

/** Frees an image preview's object URL once the image has it (the element keeps the picture). */
const freeThumb = (e: Event) => URL.revokeObjectURL((e.target as HTMLImageElement).src);

/**
 * A file's row: its preview (images) or icon, name and size; with several files its type and
 * "Bearbeiten", which opens its details; "Entfernen" while it may still go.
 */
function renderHead(up: Uploader, item: Item, open: boolean) {
  const t = up.i18n.t.uploader;
  const type = up.types.find((x) => x.id === item.typeId);
  return html`<div class="file-head">
    ${item.thumb ? html`<img class="thumb" part="thumbnail" alt="" src=${item.thumb} @load=${freeThumb} @error=${freeThumb} />` : fileIcon}
    <span class="file-name" id="name-${item.key}" title=${item.file.name}>${item.file.name}</span>
    <span class="file-size">${up.i18n.size(item.file.size)}</span>
    <span class="file-tools">
      ${up.several ? html`<span class="file-type" part="file-type">${type?.name ?? t.noType}</span>` : nothing}
      ${
        up.several && open
          ? html`<button
              type="button"
              class="btn edit"
              part="button edit"
              aria-expanded=${item.edit ? 'true' : 'false'}
              aria-controls="details-${item.key}"
              aria-describedby="name-${item.key}"
              @click=${() => up.updateItem(item, { edit: !item.edit })}
            >
              ${t.edit}
            </button>`
          : nothing
      }
      ${
        open
          ? html`<button
              type="button"
              class="icon-btn remove"
              part="button remove"
              aria-label=${t.removeFile(item.file.name)}
              @click=${() => up.removeItem(item)}
            >
              ${close}
            </button>`
          : nothing
      }
    </span>
  </div>`;
}

export function renderItem(up: Uploader, item: Item) {
  const open = item.status === 'ready' || item.status === 'error' || item.status === 'cancelled';
  const pct = item.file.size ? item.loaded / item.file.size : 0;
  return html`<li class="file" part="file file--${item.status}">
    ${renderHead(up, item, open)}
    ${!up.several || (open && item.edit) ? renderDetails(up, item, open && !up.disabled) : nothing}
    ${renderStatus(up, item, pct)}
  </li>`;
}

/** A file's details: its title, and with several files its own type and recipients on demand. */
function renderDetails(up: Uploader, item: Item, editable: boolean) {
  const t = up.i18n.t.uploader;
  const locked = !editable;
  return html`<div class="details" id="details-${item.key}">
    <div class="fields">
      <div class="field">
        <label for="title-${item.key}">${t.title}</label>
        <input
          id="title-${item.key}"
          class="input"
          part="input"
          type="text"
          maxlength="200"
          required
          .value=${item.title}
          ?disabled=${locked}
          aria-invalid=${item.invalid?.title ? 'true' : 'false'}
          aria-describedby=${item.invalid?.title ? `title-err-${item.key}` : nothing}
          @input=${(e: Event) => up.updateItem(item, { title: (e.target as HTMLInputElement).value, invalid: { ...item.invalid, title: false } })}
        />
        ${item.invalid?.title ? html`<span class="error" id="title-err-${item.key}">${t.titleRequired}</span>` : nothing}
      </div>
      ${!up.several || item.own ? renderChoice(up, `${item.key}`, item, locked, (patch) => up.updateItem(item, patch)) : nothing}
    </div>
    ${
      up.several
        ? html`<button
            type="button"
            class="btn own"
            part="button own"
            aria-pressed=${item.own ? 'true' : 'false'}
            aria-describedby="name-${item.key}"
            ?disabled=${locked}
            @click=${() => up.toggleOwn(item)}
          >
            ${t.ownChoice}
          </button>`
        : nothing
    }
  </div>`;
}

/** Document type and recipients: of one file (`id` its key), or of all files (`id` "all"). */
function renderChoice(
  up: Uploader,
  id: string,
  v: { typeId: string; shares: ShareTarget[]; invalid?: { type?: boolean } },
  locked: boolean,
  set: (patch: { typeId?: string; shares?: ShareTarget[]; invalid?: Item['invalid'] }) => void,
) {
  const t = up.i18n.t.uploader;
  const scope = up.scopeValue!;
  const bad = !!v.invalid?.type;
  return html`<div class="field">
      <label for="type-${id}">${t.documentType}</label>
      <select
        id="type-${id}"
        class="input"
        part="input"
        required
        ?disabled=${locked}
        aria-invalid=${bad ? 'true' : 'false'}
        aria-describedby=${bad ? `type-err-${id}` : nothing}
        @change=${(e: Event) => set({ typeId: (e.target as HTMLSelectElement).value, invalid: { ...v.invalid, type: false } })}
      >
        <option value="" ?selected=${!v.typeId}>${t.chooseType}</option>
        ${typeOptions(up.types, v.typeId)}
      </select>
      ${bad ? html`<span class="error" id="type-err-${id}">${t.typeRequired}</span>` : nothing}
    </div>
    <share-picker
      exportparts=${PICKER_PARTS}
      .client=${up.api}
      scope="${scope.kind}:${scope.id}"
      locale=${up.i18n.locale}
      .label=${t.sharedWith}
      .value=${v.shares}
      ?disabled=${locked}
      @change=${(e: Event) => set({ shares: (e.target as HTMLElement & { value: ShareTarget[] }).value })}
    ></share-picker>`;
}

function renderStatus(up: Uploader, item: Item, pct: number) {
  const t = up.i18n.t.uploader;
  switch (item.status) {
    case 'uploading':
      return html`<div class="status">
        <div
          class="bar"
          part="progress"
          role="progressbar"
          aria-label=${item.file.name}
          aria-valuemin="0"
          aria-valuemax="100"
          aria-valuenow=${Math.round(pct * 100)}
        >
          <span part="progress-fill" style="width:${(pct * 100).toFixed(1)}%"></span>
        </div>
        <span class="muted">${up.i18n.percent(pct)}</span>
        <button
          type="button"
          class="btn"
          part="button cancel"
          id="cancel-${item.key}"
          aria-label=${t.cancelUpload(item.file.name)}
          @click=${() => item.ctl?.abort()}
        >
          ${up.i18n.t.common.cancel}
        </button>
      </div>`;
    case 'done':
      return html`<div class="status"><span class="ok">${check} ${t.uploaded}</span></div>`;
    case 'waiting':
      return html`<div class="status"><span class="muted">${t.waiting}</span></div>`;
    case 'error':
    case 'cancelled':
      return errorNotice(up.i18n, item.error, {
        alert: true,
        id: `retry-${item.key}`,
        off: up.disabled,
        retry: () => void retryItem(up, item),
        text: html`<span class="sr-only">${item.file.name}: </span
          >${item.status === 'error' ? `${t.failed}: ` : ''}${up.i18n.error(item.error)}`,
      });
    default:
      return nothing;
  }
}

/** Several files under way: one bar for all their bytes, and how many are published. */
export function renderOverall(up: Uploader) {
  const b = up.batch;
  const total = b.reduce((n, i) => n + i.file.size, 0) || 1;
  const pct = b.reduce((n, i) => n + i.loaded, 0) / total;
  const text = up.i18n.t.uploader.overall(
    up.i18n.number(b.filter((i) => i.status === 'done').length),
    up.i18n.number(b.length),
  );
  return html`<div class="status overall" part="overall">
    <div
      class="bar"
      role="progressbar"
      aria-label=${text}
      aria-valuemin="0"
      aria-valuemax="100"
      aria-valuenow=${Math.round(pct * 100)}
    >
      <span style="width:${(pct * 100).toFixed(1)}%"></span>
    </div>
    <span class="muted">${text}</span>
  </div>`;
}

/** The type and recipients all files share (those without their own). */
export function renderShared(up: Uploader) {
  const lead = up.lead!;
  const open = up.open.filter((i) => !i.own);
  const invalid = { type: open.some((i) => i.invalid?.type) };
  return html`<fieldset class="shared" part="shared">
    <legend>${up.i18n.t.uploader.forAll}</legend>
    ${renderChoice(up, 'all', { typeId: lead.typeId, shares: lead.shares, invalid }, up.disabled || open.length === 0, (patch) => up.setShared(patch))}
  </fieldset>`;
}
