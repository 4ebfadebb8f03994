// Runs the block's editor script (no build step, plain `wp` globals) in Node with a recording
// stand-in for those globals, renders its edit() for the given attributes, and prints as JSON what
// it registered and what each control shows and changes. block-test.php asserts on the output.
//
//   node editor-harness.mjs <editor.js> '<attributes JSON>'
import { readFileSync } from 'node:fs';
import vm from 'node:vm';

const [, , editorPath, attributesJson] = process.argv;
const attributes = JSON.parse(attributesJson);

function component(name) {
  const render = () => null;
  render.displayName = name;
  return render;
}
const createElement = (type, props, ...children) => ({
  type: typeof type === 'string' ? type : type.displayName,
  props: props ?? {},
  children: children.flat().filter((child) => child !== null && child !== undefined && child !== false),
});
const registered = [];
const wp = {
  element: { createElement },
  i18n: {
    __: (text) => text,
    sprintf: (format, ...args) => {
      let next = 0;
      return format.replace(/%(?:(\d+)\$)?s/g, (_, position) => String(position ? args[Number(position) - 1] : args[next++]));
    },
  },
  blockEditor: { useBlockProps: (props) => ({ ...props, className: 'wp-block' }), InspectorControls: component('InspectorControls') },
  components: Object.fromEntries(
    ['PanelBody', 'TextControl', 'TextareaControl', 'SelectControl', 'ToggleControl', 'Placeholder', 'Notice'].map((name) => [name, component(name)]),
  ),
  blocks: { registerBlockType: (name, settings) => registered.push({ name, settings }) },
};

vm.runInNewContext(readFileSync(editorPath, 'utf8'), { window: { wp } }, { filename: editorPath });

const controls = [];
const notices = [];
let placeholder = null;
function walk(node) {
  if (!node || typeof node !== 'object') return;
  const { type, props } = node;
  if (['TextControl', 'TextareaControl', 'SelectControl', 'ToggleControl'].includes(type)) {
    // Which attribute does this control change? Call its onChange and see what reaches setAttributes.
    const sample = type === 'ToggleControl' ? true : type === 'SelectControl' ? props.options.at(-1).value : 'changed';
    lastChange = null;
    props.onChange(sample);
    controls.push({
      type,
      label: props.label,
      shows: type === 'ToggleControl' ? props.checked : props.value,
      sets: lastChange,
      options: props.options?.map((option) => option.value),
    });
  }
  if (type === 'Notice') notices.push(node.children.join(''));
  if (type === 'Placeholder') placeholder = props.instructions;
  node.children?.forEach(walk);
}

let lastChange = null;
const tree = registered.length
  ? registered[0].settings.edit({ attributes, setAttributes: (change) => { lastChange = change; } })
  : null;
walk(tree);

console.log(
  JSON.stringify({
    registered: registered.map((block) => block.name),
    save: registered.length ? registered[0].settings.save() : undefined,
    controls,
    notices,
    placeholder,
  }),
);
