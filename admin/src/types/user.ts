export interface RoleAssignment {
  id: number;
  agencyId: number;
  agencyName: string;
  role: string;
  roleLabel: string;
  unitId: number | null;
  unitName: string | null;
}

export interface User {
  id: number;
  username: string;
  displayName: string;
  email: string | null;
  phone: string | null;
  isPlatformAdmin: boolean;
  active: boolean;
  locked: boolean;
  lastLoginAt: string | null;
  roles: RoleAssignment[];
}

export interface RoleInfo {
  role: string;
  label: string;
  description: string;
}
