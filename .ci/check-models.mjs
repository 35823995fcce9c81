#!/usr/bin/env node
// House rules for the models in processes/ that bpmnlint does not cover.
// Plain Node, no dependencies. Usage: node .ci/check-models.mjs [dir|file ...]
// (default: processes/ next to this script's parent folder).
//
// BPMN: every flow node has a BPMNShape and every sequence flow a BPMNEdge with
//       waypoints (Cockpit cannot draw a model without them); no Camunda Modeler
//       default id; modeler:executionPlatformVersion is 7.24.x; every process
//       sets camunda:historyTimeToLive.
// DMN:  a dmndi:DMNDI section with a shape for every decision; every decision
//       has a name and camunda:historyTimeToLive (else deployment fails with
//       ENGINE-12018); executionPlatformVersion 7.24.x.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, dirname, resolve, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const NS = {
  bpmn: 'http://www.omg.org/spec/BPMN/20100524/MODEL',
  bpmndi: 'http://www.omg.org/spec/BPMN/20100524/DI',
  di: 'http://www.omg.org/spec/DD/20100524/DI',
  camundaBpmn: 'http://camunda.org/schema/1.0/bpmn',
  camundaDmn: 'http://camunda.org/schema/1.0/dmn',
  modeler: 'http://camunda.org/schema/modeler/1.0',
  dmn13: 'https://www.omg.org/spec/DMN/20191111/MODEL/',
  dmndi13: 'https://www.omg.org/spec/DMN/20191111/DMNDI/',
};
const PLATFORM_VERSION = /^7\.24\.\d+$/;
const MODELER_DEFAULT_ID =
  /^(Activity|Gateway|Event|Flow|StartEvent|EndEvent|Task|SequenceFlow|DataObject|Participant|Lane|Process)_[0-9a-z]{5,}$/;
const FLOW_NODES = new Set([
  'startEvent', 'endEvent', 'intermediateCatchEvent', 'intermediateThrowEvent', 'boundaryEvent',
  'task', 'userTask', 'serviceTask', 'scriptTask', 'businessRuleTask', 'sendTask', 'receiveTask',
  'manualTask', 'callActivity', 'subProcess', 'transaction', 'adHocSubProcess',
  'exclusiveGateway', 'parallelGateway', 'inclusiveGateway', 'eventBasedGateway', 'complexGateway',
]);

// ---- a minimal namespace-aware XML reader (enough for Modeler output) ------
function parseXml(text) {
  const clean = text
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '')
    .replace(/<\?[\s\S]*?\?>/g, '');
  const tagRe = /<(\/?)([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;
  const attrRe = /([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  const root = { children: [], scope: { xml: 'http://www.w3.org/XML/1998/namespace' } };
  const stack = [root];
  let m;
  while ((m = tagRe.exec(clean))) {
    const [, closing, qname, rawAttrs, selfClosing] = m;
    const parent = stack[stack.length - 1];
    if (closing) {
      if (stack.length === 1 || parent.qname !== qname) throw new Error(`unbalanced </${qname}>`);
      stack.pop();
      continue;
    }
    const raw = {};
    for (const a of rawAttrs.matchAll(attrRe)) raw[a[1]] = a[2] ?? a[3];
    const scope = { ...parent.scope };
    for (const [k, v] of Object.entries(raw)) {
      if (k === 'xmlns') scope[''] = v;
      else if (k.startsWith('xmlns:')) scope[k.slice(6)] = v;
    }
    const resolveName = (name, useDefault) => {
      const i = name.indexOf(':');
      if (i < 0) return { ns: useDefault ? scope[''] : undefined, local: name };
      return { ns: scope[name.slice(0, i)], local: name.slice(i + 1) };
    };
    const attrs = [];
    for (const [k, v] of Object.entries(raw)) {
      if (k === 'xmlns' || k.startsWith('xmlns:')) continue;
      attrs.push({ ...resolveName(k, false), value: v });
    }
    const el = { qname, ...resolveName(qname, true), attrs, children: [], scope, parent };
    el.attr = (local, ns) => attrs.find(a => a.local === local && a.ns === ns)?.value;
    parent.children.push(el);
    if (!selfClosing) stack.push(el);
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack[stack.length - 1].qname}>`);
  if (root.children.length !== 1) throw new Error('expected exactly one root element');
  return root.children[0];
}
function* walk(el) {
  yield el;
  for (const c of el.children) yield* walk(c);
}

// ---- checks -----------------------------------------------------------------
function checkIds(doc, problems) {
  for (const el of walk(doc)) {
    const id = el.attr('id', undefined);
    if (id && MODELER_DEFAULT_ID.test(id)) {
      problems.push(`<${el.qname} id="${id}"> has a Camunda Modeler default id; give it a readable one`);
    }
  }
}
function checkPlatformVersion(doc, problems) {
  const v = doc.attr('executionPlatformVersion', NS.modeler);
  if (!v || !PLATFORM_VERSION.test(v)) {
    problems.push(`modeler:executionPlatformVersion is ${v ? `"${v}"` : 'missing'}; expected 7.24.x`);
  }
}

function checkBpmn(doc, problems) {
  if (doc.ns !== NS.bpmn || doc.local !== 'definitions') {
    problems.push('root element is not bpmn:definitions');
    return;
  }
  checkPlatformVersion(doc, problems);
  checkIds(doc, problems);
  const all = [...walk(doc)];
  const shapes = new Set(all.filter(e => e.ns === NS.bpmndi && e.local === 'BPMNShape')
    .map(e => e.attr('bpmnElement', undefined)));
  const edges = new Map(all.filter(e => e.ns === NS.bpmndi && e.local === 'BPMNEdge')
    .map(e => [e.attr('bpmnElement', undefined),
      e.children.filter(c => c.ns === NS.di && c.local === 'waypoint').length]));
  const processes = all.filter(e => e.ns === NS.bpmn && e.local === 'process');
  if (processes.length === 0) problems.push('no bpmn:process');
  for (const p of processes) {
    const ttl = p.attr('historyTimeToLive', NS.camundaBpmn);
    if (!ttl || !ttl.trim()) {
      problems.push(`process "${p.attr('id')}" has no camunda:historyTimeToLive (mandatory since 7.20)`);
    }
  }
  for (const el of all) {
    if (el.ns !== NS.bpmn) continue;
    const id = el.attr('id', undefined);
    if (FLOW_NODES.has(el.local) && !shapes.has(id)) {
      problems.push(`${el.local} "${id}" has no BPMNShape (diagram information)`);
    }
    if (el.local === 'sequenceFlow') {
      if (!edges.has(id)) problems.push(`sequenceFlow "${id}" has no BPMNEdge (diagram information)`);
      else if (edges.get(id) < 2) problems.push(`BPMNEdge of sequenceFlow "${id}" has fewer than 2 waypoints`);
    }
  }
}

function checkDmn(doc, problems) {
  if (doc.ns !== NS.dmn13 || doc.local !== 'definitions') {
    problems.push('root element is not DMN 1.3 definitions (https://www.omg.org/spec/DMN/20191111/MODEL/)');
    return;
  }
  checkPlatformVersion(doc, problems);
  const all = [...walk(doc)];
  const dmndi = all.filter(e => e.ns === NS.dmndi13 && e.local === 'DMNDI');
  if (dmndi.length === 0) problems.push('no dmndi:DMNDI section (diagram information)');
  const shapes = new Set(all.filter(e => e.ns === NS.dmndi13 && e.local === 'DMNShape')
    .map(e => e.attr('dmnElementRef', undefined)));
  const decisions = all.filter(e => e.ns === NS.dmn13 && e.local === 'decision');
  if (decisions.length === 0) problems.push('no decision');
  for (const d of decisions) {
    const id = d.attr('id', undefined);
    const ttl = d.attr('historyTimeToLive', NS.camundaDmn);
    if (!ttl || !ttl.trim()) {
      problems.push(`decision "${id}" has no camunda:historyTimeToLive (deployment fails with ENGINE-12018)`);
    }
    if (!d.attr('name', undefined)) problems.push(`decision "${id}" has no name`);
    if (dmndi.length && !shapes.has(id)) problems.push(`decision "${id}" has no DMNShape`);
  }
}

// ---- main ---------------------------------------------------------------------
const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const targets = args.length ? args : [join(here, '..', 'processes')];
const files = targets.flatMap(t => statSync(t).isDirectory()
  ? readdirSync(t).filter(f => /\.(bpmn|dmn)$/.test(f)).sort().map(f => join(t, f))
  : [t]);

let failed = 0;
for (const file of files) {
  const problems = [];
  try {
    const doc = parseXml(readFileSync(file, 'utf8'));
    (file.endsWith('.dmn') ? checkDmn : checkBpmn)(doc, problems);
  } catch (e) {
    problems.push(`cannot read as XML: ${e.message}`);
  }
  const name = relative(process.cwd(), resolve(file)) || file;
  if (problems.length) {
    failed++;
    console.error(`\n${name}`);
    for (const p of problems) console.error(`  error  ${p}`);
  }
}
if (files.length === 0) {
  console.error('check-models: no .bpmn or .dmn files found in ' + targets.join(', '));
  process.exit(1);
}
if (failed) {
  console.error(`\ncheck-models: ${failed} of ${files.length} model file(s) failed`);
  process.exit(1);
}
console.log(`check-models: ${files.length} model file(s) OK`);
