/**
 * Libraries that take tens of milliseconds to load, loaded on first use: a run over flat YAML
 * records with a built-in policy needs neither (see README, "Performance").
 */
import type * as YamlLib from 'yaml';
import type * as AjvLib from 'ajv';

let yaml: typeof YamlLib | undefined;
let ajv: typeof AjvLib | undefined;

/** The `yaml` package. */
export function yamlLib(): typeof YamlLib {
  return (yaml ??= require('yaml') as typeof YamlLib);
}

/** The `ajv` package. */
export function ajvLib(): typeof AjvLib {
  return (ajv ??= require('ajv') as typeof AjvLib);
}
