/** An entry of an error catalog: the HTTP status and the Chinese message shown to people. */
export interface ErrorEntry {
  status: number;
  message: string;
}
