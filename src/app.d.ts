import type { Session } from '$lib/server/auth/session';
import type { User } from '$lib/server/users/user.repository';

declare global {
	namespace App {
		interface Locals {
			user: User | null;
			session: Session | null;
		}
		interface Error {
			message: string;
		}
	}
}

export {};
