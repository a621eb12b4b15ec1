import { restoreConversation, type ConversationRecord } from '../core/agent/records/conversation-records';
import type { DirectorDb } from './database';

/** The project's stored conversation, through the restore gate (rows from older builds or backups may not fit). */
export async function loadConversation(db: DirectorDb, projectId: string): Promise<ConversationRecord | null> {
  return restoreConversation(await db.conversations.where('projectId').equals(projectId).first());
}

export async function saveConversation(db: DirectorDb, record: ConversationRecord): Promise<void> {
  await db.conversations.put(record);
}
