import { Type } from 'typebox';
import { Nullable } from '../shared/schema.ts';
import { ROLES } from '../access/roles.ts';

export const RoleSchema = Type.Union(
  ROLES.map((r) => Type.Literal(r)),
  { title: '角色' },
);

export const LoginBody = Type.Object(
  {
    username: Type.String({ title: '用户名', minLength: 1, maxLength: 64 }),
    password: Type.String({ title: '密码', minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);

export const MeView = Type.Object({
  user: Type.Object({
    id: Type.Integer(),
    username: Type.String(),
    displayName: Type.String(),
    isPlatformAdmin: Type.Boolean(),
    mustChangePassword: Type.Boolean(),
  }),
  roles: Type.Array(
    Type.Object({
      agencyId: Type.Integer(),
      agencyName: Type.String(),
      role: Type.String(),
      roleLabel: Type.String(),
      unitId: Nullable(Type.Integer()),
      unitName: Nullable(Type.String()),
    }),
  ),
  active: Type.Object({
    agencyId: Nullable(Type.Integer()),
    agencyName: Nullable(Type.String()),
    role: Nullable(Type.String()),
    roleLabel: Nullable(Type.String()),
  }),
  csrfToken: Type.String(),
});

export const ContextBody = Type.Object(
  { agencyId: Type.Integer({ title: '机关', minimum: 1 }), role: RoleSchema },
  { additionalProperties: false },
);

export const PasswordBody = Type.Object(
  {
    currentPassword: Type.String({ title: '当前密码', minLength: 1, maxLength: 200 }),
    newPassword: Type.String({ title: '新密码', minLength: 10, maxLength: 200 }),
  },
  { additionalProperties: false },
);

export const GrantView = Type.Object({
  id: Type.Integer(),
  agencyId: Type.Integer(),
  agencyName: Type.String(),
  role: Type.String(),
  roleLabel: Type.String(),
  unitId: Nullable(Type.Integer()),
  unitName: Nullable(Type.String()),
  /** on the user screen: who granted the role and why (null for system grants) */
  grantedBy: Type.Optional(Nullable(Type.Integer())),
  reason: Type.Optional(Nullable(Type.String())),
});

export const UserView = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  email: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  isPlatformAdmin: Type.Boolean(),
  active: Type.Boolean(),
  locked: Type.Boolean(),
  lastLoginAt: Nullable(Type.String()),
  roles: Type.Array(GrantView),
});

export const CreateUserBody = Type.Object(
  {
    username: Type.String({ title: '用户名', pattern: '^[A-Za-z0-9_.-]{2,64}$' }),
    displayName: Type.String({ title: '姓名', minLength: 1, maxLength: 50 }),
    email: Type.Optional(
      Nullable(
        Type.String({ title: '电子邮箱', maxLength: 100, pattern: '^$|^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$' }),
      ),
    ),
    phone: Type.Optional(Nullable(Type.String({ title: '手机号码', maxLength: 30 }))),
    password: Type.String({ title: '初始密码', minLength: 10, maxLength: 200 }),
    isPlatformAdmin: Type.Optional(Type.Boolean({ title: '平台管理员' })),
  },
  { additionalProperties: false },
);

export const UpdateUserBody = Type.Object(
  {
    displayName: Type.Optional(Type.String({ title: '姓名', minLength: 1, maxLength: 50 })),
    email: Type.Optional(
      Nullable(
        Type.String({ title: '电子邮箱', maxLength: 100, pattern: '^$|^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$' }),
      ),
    ),
    phone: Type.Optional(Nullable(Type.String({ title: '手机号码', maxLength: 30 }))),
    active: Type.Optional(Type.Boolean({ title: '启用' })),
  },
  { additionalProperties: false },
);

export const GrantBody = Type.Object(
  {
    agencyId: Type.Integer({ title: '机关', minimum: 1 }),
    role: RoleSchema,
    unitId: Type.Optional(Nullable(Type.Integer({ title: '所在科室', minimum: 1 }))),
    reason: Type.String({ title: '授予理由', minLength: 2, maxLength: 500 }),
  },
  { additionalProperties: false },
);

/** Why a role is revoked (docs/access.md: every grant and revocation is audited with who and why). */
export const RevokeQuery = Type.Object(
  { reason: Type.String({ title: '撤销理由', minLength: 2, maxLength: 500 }) },
  { additionalProperties: false },
);
