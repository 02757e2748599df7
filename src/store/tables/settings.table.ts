/** Values the service generates once and every process shares (e.g. the JWT secret when none is set). */
export interface SettingsTable {
  name: string;
  value: string;
}
