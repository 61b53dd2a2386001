/** Registered users of one application (password-grant users), for the admin's overview. */
export interface AppUsage {
  readonly applicationId: string;
  readonly applicationName: string;
  readonly ownerId: string;
  /** Distinct users who obtained tokens with the password grant. */
  readonly registeredUsers: number;
  /** Password-grant tokens issued. */
  readonly passwordTokens: number;
}

/** Tokens issued on one UTC day (days since the epoch) with one grant type. */
export interface DailyIssuance {
  readonly day: number;
  readonly grantType: string;
  readonly tokens: number;
  /** Distinct users among them (0 for client_credentials tokens without a user). */
  readonly users: number;
}

/** Failed sign-ins in one hour (epoch ms of the hour's start). */
export interface HourlyCount {
  readonly hour: number;
  readonly count: number;
}

/** Password-grant tokens one user obtained through one application in a period. */
export interface PasswordGrantUse {
  readonly applicationId: string;
  readonly userId: string;
  readonly tokens: number;
  /** Epoch ms of the newest of those tokens. */
  readonly lastIssuedAt: number;
}

/** What the statistics pages need from storage (the token_issuance and audit_events tables). */
export interface StatisticsStore {
  registeredUsersPerApplication(): Promise<AppUsage[]>;
  /** Per day and grant type since `since` (ms), optionally for one application. */
  issuancePerDay(since: number, applicationId?: string): Promise<DailyIssuance[]>;
  /**
   * Audit events of one type (login.failed: Token API password grant, web sign-in, management
   * Basic) per hour since `since` (ms), oldest first, hours without any left out.
   */
  auditEventsPerHour(type: string, since: number): Promise<HourlyCount[]>;
  /** Password-grant issuance since `since` (ms), per application and user, for the retirement report. */
  passwordGrantUse(since: number): Promise<PasswordGrantUse[]>;
}
