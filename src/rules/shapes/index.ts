/**
 * The clause shapes a policy may use, by name. Adding a shape is one file beside these (and its
 * `clause-<name>` entry in schemas/policy.schema.json, or a `schema` of its own); a registry with
 * more shapes can also be handed to the policy loader and the engine (test/rules/new-shape.test.ts).
 */
import { ANNUAL } from './annual';
import { BEFORE } from './before';
import { DEADLINE } from './deadline';
import { ELAPSED } from './elapsed';
import { FLAG } from './flag';
import { HALF_YEAR } from './half-year';
import { ITEMS } from './items';
import { MANUAL } from './manual';
import { MONTHLY } from './monthly';
import { QUOTA } from './quota';
import type { Shape } from './shape';
import { WINDOW } from './window';

export type { Shape, ClauseDescription, LimitDescription, ReadsDescription, SpanDescription, ShapeIssue } from './shape';

export type Shapes = ReadonlyMap<string, Shape>;

export function shapeRegistry(shapes: readonly Shape[]): Shapes {
  return new Map(shapes.map((s) => [s.name, s]));
}

/** The built-in shapes, in the order `policy show` explains them. */
export const SHAPES: Shapes = shapeRegistry([ELAPSED, DEADLINE, BEFORE, WINDOW, FLAG, ITEMS, MONTHLY, ANNUAL, HALF_YEAR, QUOTA, MANUAL]);
