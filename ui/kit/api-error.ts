/** One field a request got wrong, as the server's problem+json lists it. */
export interface FieldProblem {
  /** JSON Pointer into the sent data, e.g. `/price`. */
  path: string;
  in?: string;
  message: string;
}

/** An RFC 9457 problem document as the workbench sends it. */
export interface Problem {
  type?: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: FieldProblem[];
}

/**
 * A failed API call, already in the reader's language: `message` is the server's `detail`
 * (or its title), `fields` the per-field problems a form shows beside its inputs.
 *
 * @example
 * try { await api.post('/example/notes', note); }
 * catch (e) { if (e instanceof ApiError && e.status === 409) reload(); else throw e; }
 */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail || problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
  }

  get fields(): FieldProblem[] {
    return this.problem.errors ?? [];
  }
}
