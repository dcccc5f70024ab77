/**
 * What authenticates a request to the appliance's REST API v2. The API client only uses them;
 * reading them (from the environment, never from a resource) is the CLI's job.
 */
export interface Credentials {
  /** The API key (sent base64-encoded in X-LB-APIKEY). */
  readonly apiKey: string;
  /** WebUI user for HTTP Basic authentication, when set. */
  readonly username?: string;
  /** WebUI password, when set. */
  readonly password?: string;
}
