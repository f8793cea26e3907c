import type { Generated, Insertable, Selectable } from 'kysely';

/** Database tables. Columns are snake_case; repositories map rows to camelCase domain types. */
export interface Database {
	user: UserTable;
	session: SessionTable;
	team: TeamTable;
	membership: MembershipTable;
	board: BoardTable;
	board_update: BoardUpdateTable;
	board_snapshot: BoardSnapshotTable;
	login_throttle: LoginThrottleTable;
	opening: OpeningTable;
	match: MatchTable;
	action: ActionTable;
	target_group: TargetGroupTable;
	company: CompanyTable;
	citizen: CitizenTable;
	audit_log: AuditLogTable;
	setting: SettingTable;
	case_goal: CaseGoalTable;
	case_field: CaseFieldTable;
	case_forecast: CaseForecastTable;
	case_history: CaseHistoryTable;
	work_task: WorkTaskTable;
	task_score: TaskScoreTable;
	screen_link: ScreenLinkTable;
	meeting: MeetingTable;
	meeting_item: MeetingItemTable;
	meeting_attendee: MeetingAttendeeTable;
	meeting_focus: MeetingFocusTable;
	meeting_follow_up: MeetingFollowUpTable;
	meeting_decision: MeetingDecisionTable;
}

export interface UserTable {
	id: string;
	email: string;
	name: string;
	password_hash: string;
	is_admin: number;
	locale: string;
	created_at: number;
}

export interface SessionTable {
	/** SHA-256 (hex) of the token in the cookie; the token itself is never stored. */
	id: string;
	user_id: string;
	expires_at: number;
}

export interface TeamTable {
	id: string;
	name: string;
	created_at: number;
}

export interface MembershipTable {
	team_id: string;
	user_id: string;
	role: string;
}

export interface BoardTable {
	id: string;
	team_id: string;
	name: string;
	created_at: number;
}

export interface BoardUpdateTable {
	id: Generated<number>;
	board_id: string;
	data: Uint8Array;
	created_at: number;
}

export interface BoardSnapshotTable {
	board_id: string;
	data: Uint8Array;
	/** Highest board_update.id merged into data. */
	last_update_id: number;
	updated_at: number;
}

export interface LoginThrottleTable {
	/** "email:<address>" or "ip:<address>" */
	key: string;
	failures: number;
	last_failure_at: number;
	locked_until: number;
}

export type UserRow = Selectable<UserTable>;
export type NewUserRow = Insertable<UserTable>;

/** Projection of opening cards (see src/lib/server/boards/projection.ts); the board document is the truth. */
export interface OpeningTable {
	board_id: string;
	card_id: string;
	company_id: string;
	company_name: string;
	position: string;
	job_type: string;
	hours_per_week: number | null;
	positions: number;
	deadline: string;
	start_date: string;
	/** Job-area tags joined by newlines. */
	job_areas: string;
	source: string;
	owner_id: string;
	lane_id: string;
	/** The stage of the card's lane, or null when the lane stands for no stage. */
	stage: string | null;
	outcome: string;
	close_reason: string;
	created_at: number;
	closed_at: number | null;
	updated_at: number;
}

/** Projection of matches (kandidater) on openings. */
export interface MatchTable {
	board_id: string;
	match_id: string;
	opening_id: string;
	citizen_id: string;
	status: string;
	proposed_by: string;
	proposed_at: number;
	updated_at: number;
}

/** Projection of action cards (handlinger); status, time tag and dates as on the board. */
export interface ActionTable {
	board_id: string;
	/** The card id. */
	id: string;
	owner_id: string;
	title: string;
	/** Frist, YYYY-MM-DD, or '' for an action without one. */
	due: string;
	follow_up: string;
	/** open | done | dropped */
	status: string;
	/** '' | outreach | citizen-talk | follow-up | documentation */
	time_tag: string;
	opening_id: string;
	citizen_id: string;
	created_at: number;
	done_at: number | null;
	/** Why a dropped action was dropped; '' otherwise (migration 0009, default ''). */
	drop_reason: Generated<string>;
	/**
	 * The card's updatedAt: when a field of the action last changed (dates moved, done, dropped,
	 * reopened, relinked). Null only for rows written before migration 0009 and not yet rebuilt.
	 */
	updated_at: number | null;
}

/** The municipality's list of target groups (målgrupper); an inactive one is kept for history. */
export interface TargetGroupTable {
	id: string;
	/** Short code, e.g. 'DP'. */
	code: string;
	/** Full name, e.g. 'A-dagpenge'. */
	name: string;
	active: number;
	sort_order: number;
}

export interface CompanyTable {
	id: string;
	name: string;
	/** Exactly 8 digits, or null when unknown. */
	cvr: string | null;
	industry: string;
	contact_person: string;
	first_contact_at: number;
	created_at: number;
}

/** A pseudonymous citizen: initials only, never a CPR number or health details. */
export interface CitizenTable {
	id: string;
	team_id: string;
	/** The consultant (user) responsible. */
	owner_id: string;
	initials: string;
	target_group_id: string;
	/** Job-area tags joined by newlines. */
	job_areas: string;
	hours_wanted: number | null;
	job_ready: number;
	last_offered_at: number | null;
	created_at: number;
	closed_at: number | null;
}

/** Who read or changed what, when. Append-only. */
export interface AuditLogTable {
	id: Generated<number>;
	at: number;
	user_id: string;
	action: 'read' | 'create' | 'update' | 'delete';
	entity: string;
	entity_id: string;
	/** Never personal data: field names changed, or how the read happened. */
	detail: string | null;
}

/** Municipality-wide settings; value is JSON. */
export interface SettingTable {
	key: string;
	value: string;
}

/** The municipality's goal list (mål); code is what cases store and never changes. */
export interface CaseGoalTable {
	id: string;
	code: string;
	name: string;
	active: number;
	sort_order: number;
}

export type CaseFieldKind = 'text' | 'number' | 'date' | 'choice' | 'yes-no';

/** An extra case field the municipality defined (admin). */
export interface CaseFieldTable {
	id: string;
	label: string;
	kind: CaseFieldKind;
	required: number;
	/** JSON array of strings, for kind 'choice'. */
	choices: string;
	active: number;
	sort_order: number;
	created_at: number;
}

/** A case forecast (sag): one per citizen; its target group is the citizen's. */
export interface CaseForecastTable {
	id: string;
	team_id: string;
	citizen_id: string;
	consultant_id: string;
	goal: string;
	/** YYYY-MM-DD. */
	horizon: string;
	risk: 'low' | 'medium' | 'high';
	next_step_text: string | null;
	/** YYYY-MM-DD; null exactly when next_step_text is null. */
	next_step_due: string | null;
	previous_step_outcome: 'done' | 'not-done' | null;
	/** JSON object: extra field id -> string | number | boolean. */
	extra: string;
	opened_at: number;
	closed_at: number | null;
	updated_at: number;
}

export interface CaseHistoryTable {
	id: Generated<number>;
	case_id: string;
	team_id: string;
	at: number;
	by: string;
	/** JSON array of CaseChange. */
	changes: string;
}

/** A concrete work task a citizen scores themself on (readiness for paid hours). */
export interface WorkTaskTable {
	id: string;
	citizen_id: string;
	text: string;
	created_at: number;
	created_by: string;
	closed_at: number | null;
}

export interface TaskScoreTable {
	id: Generated<number>;
	task_id: string;
	/** 1-10. */
	score: number;
	at: number;
	by: string;
}

/** A read-only link for a meeting-room screen; only the token's SHA-256 is stored. */
export interface ScreenLinkTable {
	id: string;
	board_id: string;
	token_hash: string;
	label: string;
	created_by: string;
	created_at: number;
	expires_at: number;
	revoked_at: number | null;
	last_seen_at: number | null;
}

/** A board meeting (tavlemøde); ended_at null while it runs (at most one per board). */
export interface MeetingTable {
	id: string;
	board_id: string;
	facilitator_id: string;
	started_at: number;
	ended_at: number | null;
	current_index: number;
	focus_card_id: string | null;
	/** JSON of src/lib/meeting/minutes.ts MeetingMinutes, written when the meeting ends. */
	minutes_json: string | null;
}

/** One agenda item with the time planned and the time spent on it. */
export interface MeetingItemTable {
	meeting_id: string;
	position: number;
	/** An AgendaKind (src/lib/meeting/agenda.ts). */
	kind: string;
	/** The item's own title for kind 'custom'; '' for the standard items. */
	title: string;
	minutes: number;
	/** Time spent on earlier visits to the item; the current visit runs from entered_at. */
	spent_ms: number;
	entered_at: number | null;
}

export interface MeetingAttendeeTable {
	meeting_id: string;
	user_id: string;
	present: number;
	/** 'connected' (seen on the board) or 'manual' (corrected by a person; never overridden). */
	source: string;
	at: number;
}

/** Every card put in focus during a meeting, in order; the minutes' "openings discussed". */
export interface MeetingFocusTable {
	meeting_id: string;
	card_id: string;
	item_position: number;
	at: number;
}

/** The actions due since the last meeting, as the meeting found them. */
export interface MeetingFollowUpTable {
	meeting_id: string;
	action_id: string;
	due_at_start: string;
	status_at_start: string;
}

/** A decision noted during the meeting: free text, no personal data. */
export interface MeetingDecisionTable {
	id: string;
	meeting_id: string;
	text: string;
	created_by: string;
	created_at: number;
}
