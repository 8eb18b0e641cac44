// Where each role lands after signing in, and the links its navigation shows: each role on its own work,
// so a regulator starts at the region's table and an acceptor at the items waiting for acceptance.
import type { Role } from '../store/repository.js';

const homes: Record<Role, string> = { regulator: '/regulator', acceptor: '/ledger/acceptance', enterprise: '/ledger', trainee: '/exams', admin: '/exams' };

/** The landing page of a role. */
export const roleHome = (role: Role): string => homes[role];

/** The navigation of a role: its landing page first, then the pages it works on. */
export const roleNav = (role: Role): { href: string; label: string }[] =>
  ({
    regulator: [
      { href: '/regulator', label: '辖区一览' },
      { href: '/regulator/screening', label: '批量筛查' },
      { href: '/regulator/risks', label: '重大风险' },
    ],
    acceptor: [
      { href: '/ledger/acceptance', label: '待验收' },
      { href: '/ledger', label: '隐患台账' },
      { href: '/risk/register', label: '风险清单' },
    ],
    enterprise: [
      { href: '/ledger', label: '隐患台账' },
      { href: '/assessments', label: '自评估' },
      { href: '/risk/register', label: '风险清单' },
      { href: '/ledger/statistics', label: '统计报送' },
    ],
    trainee: [
      { href: '/exams', label: '模拟考试' },
      { href: '/practice', label: '练习' },
      { href: '/mistakes', label: '错题本' },
      { href: '/history', label: '记录' },
    ],
    // The administrator still lands on the exams, as before (the administration page builds the question catalogue).
    admin: [
      { href: '/exams', label: '模拟考试' },
      { href: '/practice', label: '练习' },
      { href: '/admin', label: '管理' },
      { href: '/admin/regions', label: '辖区与账号' },
    ],
  })[role];
