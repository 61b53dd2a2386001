/** An application's right to call an API, with the throttling tier it pays for. */
export interface Subscription {
  readonly id: string;
  readonly applicationId: string;
  readonly apiId: string;
  readonly tier: string;
  readonly createdAt: number;
}

/** A throttling tier: requests per minute per application and API; null = unlimited. */
export interface Tier {
  readonly name: string;
  readonly requestsPerMinute: number | null;
}

/** A subscription joined with one of the application's key pairs: what the Gateway checks. */
export interface SubscribedKey {
  readonly apiId: string;
  readonly applicationId: string;
  readonly tier: string;
  readonly consumerKey: string;
  readonly environment: 'production' | 'sandbox';
  /** The application's throttling policy (counted per end user across all APIs). */
  readonly applicationPolicy: string;
  readonly applicationName: string;
  /** The application owner's username (WSO2's subscriber). */
  readonly applicationOwner: string;
}
