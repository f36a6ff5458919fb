export interface DashboardWarning {
  level: 'warning' | 'error' | 'info';
  code: string;
  message: string;
}

export interface Dashboard {
  today: string;
  warnings: DashboardWarning[];
  stats: {
    agencies: number;
    users: number;
    auditEvents: number;
    calendarYears: number[];
  };
}
