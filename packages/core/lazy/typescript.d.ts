// The types of lazy/typescript.js: ts-morph's `ts`, loaded on first use.
export { ts } from 'ts-morph';
