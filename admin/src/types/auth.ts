export interface MeUser {
  id: number;
  username: string;
  displayName: string;
  isPlatformAdmin: boolean;
  mustChangePassword: boolean;
}

export interface MeRole {
  agencyId: number;
  agencyName: string;
  role: string;
  roleLabel: string;
  unitId: number | null;
  unitName: string | null;
}

export interface ActiveContext {
  agencyId: number | null;
  agencyName: string | null;
  role: string | null;
  roleLabel: string | null;
}

export interface Me {
  user: MeUser;
  roles: MeRole[];
  active: ActiveContext;
  csrfToken: string;
}
