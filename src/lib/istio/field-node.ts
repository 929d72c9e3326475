/** One node of the field catalog: what may stand at a place in a manifest. */
export interface FieldNode {
  /** The API's own description of the field, when it has one. */
  description?: string;
  /** Named fields of an object. */
  fields?: Map<string, FieldNode>;
  /** The element of a list. */
  items?: FieldNode;
  /** The value of a map whose keys are free (labels, selectors, headers). */
  values?: FieldNode;
  /** The API leaves the shape open (e.g. `meshConfig`, Helm `values`): anything below is accepted. */
  freeForm?: true;
}
