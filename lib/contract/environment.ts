/**
 * Every environment variable the `pacs-lb` CLI reads, in one table. The Terraform resources
 * pass the spec and the appliance through the first two; credentials come only from the
 * user's environment, never from a resource.
 */
export const ENV = {
  /** A VIP spec as JSON (what `apply` reconciles). Set by the Terraform resource from `self.triggers.spec`. */
  spec: 'PACS_LB_SPEC',
  /** An appliance spec as JSON (where to connect). Set by the Terraform resources from `self.triggers.appliance`. */
  appliance: 'PACS_LB_APPLIANCE',
  /** The VIP names an appliance's reload resource provisioned, comma-separated (for `prune`). */
  ownedVips: 'PACS_LB_OWNED_VIPS',
  /** The API key (sent base64-encoded in X-LB-APIKEY). */
  apiKey: 'PACS_LB_API_KEY',
  /** WebUI user for HTTP Basic authentication (optional). */
  username: 'PACS_LB_USERNAME',
  /** WebUI password for HTTP Basic authentication (optional). */
  password: 'PACS_LB_PASSWORD',
  /** CA certificate file (PEM) the appliance's certificate is verified against. */
  caFile: 'PACS_LB_CA_FILE',
  /** `host:port` to connect to instead of the appliance's own address (an SSH tunnel, a bastion's forward). */
  connectTo: 'PACS_LB_CONNECT_TO',
  /** Folder of the per-appliance lock files. */
  stateDir: 'PACS_LB_STATE_DIR',
  /** Seconds to wait for another command on the same appliance to finish. */
  lockTimeout: 'PACS_LB_LOCK_TIMEOUT',
  /** Milliseconds to wait for a TCP/TLS connection. */
  connectTimeout: 'PACS_LB_CONNECT_TIMEOUT_MS',
  /** Milliseconds to wait for one try of a request. */
  requestTimeout: 'PACS_LB_REQUEST_TIMEOUT_MS',
  /** Milliseconds one request may take in all, retries included. */
  requestDeadline: 'PACS_LB_REQUEST_DEADLINE_MS',
  /** Retries after a network error or a 5xx answer. */
  retries: 'PACS_LB_RETRIES',
  /** Milliseconds before the first retry; doubled at each further one. */
  retryDelay: 'PACS_LB_RETRY_DELAY_MS',
  /** `1` prints every request and reply, credentials redacted. */
  debug: 'PACS_LB_DEBUG',
} as const;

/** The suffix of a variable that names a file holding the value instead (`PACS_LB_API_KEY_FILE`). */
export const FILE_SUFFIX = '_FILE';
