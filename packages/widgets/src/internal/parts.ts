/** The parts of a `<share-picker>` inside another element, exported with a `picker__` prefix. */
export const PICKER_PARTS = [
  'base',
  'roles',
  'checkbox',
  'input',
  'listbox',
  'option',
  'option--active',
  'chips',
  'chip',
  'chip-remove',
  'summary',
]
  .map((p) => `${p}:picker__${p}`)
  .join();
