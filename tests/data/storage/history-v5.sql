-- A history database as schema version 5 wrote it (core/storage/HistorySchema.cpp, schemaV1 to
-- schemaV5 in order; v4's back-fill has nothing to fill in an empty file), with a conversation
-- (a user turn with text, an image and a region; two answers, one with a detection; ground truth
-- for the image) and a deleted one, and their search entries (the v2 triggers fill both FTS5
-- indexes as v5 did). tst_HistoryMigration builds a file from it and opens it with the current
-- app. Each statement ends with ';' at the end of a line.
CREATE TABLE conversations ( id TEXT PRIMARY KEY NOT NULL, title TEXT NOT NULL DEFAULT '', system_prompt TEXT NOT NULL DEFAULT '', model_id TEXT NOT NULL DEFAULT '', parameters TEXT NOT NULL DEFAULT '{}', created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL);
CREATE TABLE messages ( id INTEGER PRIMARY KEY AUTOINCREMENT, conversation_id TEXT NOT NULL  REFERENCES conversations(id) ON DELETE CASCADE, position INTEGER NOT NULL, role TEXT NOT NULL, text TEXT NOT NULL DEFAULT '', reasoning TEXT NOT NULL DEFAULT '', model_id TEXT NOT NULL DEFAULT '', parameters TEXT NOT NULL DEFAULT '{}', input_tokens INTEGER NOT NULL DEFAULT 0, output_tokens INTEGER NOT NULL DEFAULT 0, image_tokens INTEGER NOT NULL DEFAULT 0, request_id TEXT NOT NULL DEFAULT '', finish_reason TEXT NOT NULL DEFAULT '', state TEXT NOT NULL, coordinate_space TEXT, space_reason TEXT, created_at INTEGER NOT NULL, UNIQUE (conversation_id, position));
CREATE TABLE images ( sha256 TEXT PRIMARY KEY NOT NULL, byte_count INTEGER NOT NULL, width INTEGER NOT NULL, height INTEGER NOT NULL, format TEXT NOT NULL DEFAULT '');
CREATE TABLE parts ( message_id INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE, position INTEGER NOT NULL, kind TEXT NOT NULL, text TEXT NOT NULL DEFAULT '', image_url TEXT, sent_mime TEXT, sent_data BLOB, image_sha256 TEXT REFERENCES images(sha256), image_name TEXT NOT NULL DEFAULT '', transform TEXT, min_pixels INTEGER NOT NULL DEFAULT 0, max_pixels INTEGER NOT NULL DEFAULT 0, x REAL, y REAL, width REAL, height REAL, point_x REAL, point_y REAL, is_point INTEGER NOT NULL DEFAULT 0, image_index INTEGER NOT NULL DEFAULT -1, PRIMARY KEY (message_id, position)) WITHOUT ROWID;
CREATE INDEX parts_image ON parts(image_sha256);
CREATE TABLE detections ( message_id INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE, position INTEGER NOT NULL, kind TEXT NOT NULL, label TEXT NOT NULL DEFAULT '', attributes TEXT NOT NULL DEFAULT '{}', x REAL NOT NULL, y REAL NOT NULL, width REAL NOT NULL, height REAL NOT NULL, quad TEXT, image_index INTEGER, source_start INTEGER NOT NULL DEFAULT 0, source_length INTEGER NOT NULL DEFAULT 0, syntax TEXT NOT NULL, PRIMARY KEY (message_id, position)) WITHOUT ROWID;
ALTER TABLE conversations ADD COLUMN imported_from TEXT;
CREATE INDEX conversations_imported_from ON conversations(imported_from);
CREATE TABLE search_entries ( id INTEGER PRIMARY KEY AUTOINCREMENT, conversation_id TEXT NOT NULL  REFERENCES conversations(id) ON DELETE CASCADE, message_id INTEGER UNIQUE REFERENCES messages(id) ON DELETE CASCADE, body TEXT NOT NULL, grams TEXT NOT NULL);
CREATE INDEX search_entries_conversation ON search_entries(conversation_id);
CREATE VIRTUAL TABLE search_fts USING fts5(body, content='search_entries', content_rowid='id', tokenize='trigram');
CREATE VIRTUAL TABLE search_fts_grams USING fts5(grams, content='search_entries', content_rowid='id', tokenize='unicode61');
CREATE TRIGGER search_entries_ai AFTER INSERT ON search_entries BEGIN INSERT INTO search_fts(rowid, body) VALUES (new.id, new.body); INSERT INTO search_fts_grams(rowid, grams) VALUES (new.id, new.grams); END;
CREATE TRIGGER search_entries_ad AFTER DELETE ON search_entries BEGIN INSERT INTO search_fts(search_fts, rowid, body)  VALUES ('delete', old.id, old.body); INSERT INTO search_fts_grams(search_fts_grams, rowid, grams)  VALUES ('delete', old.id, old.grams); END;
CREATE TRIGGER search_entries_au AFTER UPDATE ON search_entries BEGIN INSERT INTO search_fts(search_fts, rowid, body)  VALUES ('delete', old.id, old.body); INSERT INTO search_fts_grams(search_fts_grams, rowid, grams)  VALUES ('delete', old.id, old.grams); INSERT INTO search_fts(rowid, body) VALUES (new.id, new.body); INSERT INTO search_fts_grams(rowid, grams) VALUES (new.id, new.grams); END;
ALTER TABLE conversations ADD COLUMN deleted_at INTEGER;
ALTER TABLE messages ADD COLUMN uid TEXT NOT NULL DEFAULT '';
ALTER TABLE parts ADD COLUMN uid TEXT NOT NULL DEFAULT '';
ALTER TABLE parts ADD COLUMN image_uid TEXT NOT NULL DEFAULT '';
CREATE INDEX messages_uid ON messages(uid);
CREATE TABLE layers ( conversation_id TEXT NOT NULL  REFERENCES conversations(id) ON DELETE CASCADE, image_uid TEXT NOT NULL, answer_uid TEXT NOT NULL DEFAULT '', source TEXT NOT NULL DEFAULT '', boxes TEXT NOT NULL DEFAULT '[]', updated_at INTEGER NOT NULL, PRIMARY KEY (conversation_id, image_uid, answer_uid)) WITHOUT ROWID;
INSERT INTO conversations (id, title, system_prompt, model_id, parameters, created_at, updated_at, imported_from, deleted_at) VALUES ('v5-conversation', '海滩上的狗', 'Be precise.', 'qwen-vl-max', '{"temperature":0.2,"seed":42}', 1760000000000, 1760000200000, NULL, NULL);
INSERT INTO conversations (id, title, system_prompt, model_id, parameters, created_at, updated_at, imported_from, deleted_at) VALUES ('v5-deleted', 'Deleted umbrella talk', '', 'qwen-vl-max', '{}', 1760000000000, 1760000000000, NULL, 1760000300000);
INSERT INTO images VALUES ('6b86b273ff34fce19d6b804eff5a3f5747ada4eaa22f1d49c01e52ddb7875b4b', 1, 1024, 768, 'jpeg');
INSERT INTO messages (id, conversation_id, position, role, text, model_id, parameters, state, created_at, uid) VALUES (1, 'v5-conversation', 0, 'user', '', 'qwen-vl-max', '{}', 'complete', 1760000000000, '0f1e2d3c4b5a69788796a5b4c3d2e1f0');
INSERT INTO parts (message_id, position, kind, text) VALUES (1, 0, 'text', '请框出海滩上的狗');
INSERT INTO parts (message_id, position, kind, image_url, image_sha256, image_name, transform, min_pixels, max_pixels, uid) VALUES (1, 1, 'image', 'https://example.com/beach.jpg', '6b86b273ff34fce19d6b804eff5a3f5747ada4eaa22f1d49c01e52ddb7875b4b', 'beach.jpg', '{"factor":28,"max_pixels":1003520,"min_pixels":3136,"orientation":0,"original":{"h":768,"w":1024},"sent":{"h":756,"w":1008},"stored":{"h":768,"w":1024}}', 3136, 1003520, 'a1a1a1a1b2b2b2b2c3c3c3c3d4d4d4d4');
INSERT INTO parts (message_id, position, kind, text, x, y, width, height, point_x, point_y, is_point, image_index, uid, image_uid) VALUES (1, 2, 'region', ' and this umbrella', 100.0, 50.0, 200.0, 150.0, 0.0, 0.0, 0, 0, 'e5e5e5e5f6f6f6f6a7a7a7a7b8b8b8b8', 'a1a1a1a1b2b2b2b2c3c3c3c3d4d4d4d4');
INSERT INTO messages (id, conversation_id, position, role, text, reasoning, model_id, parameters, input_tokens, output_tokens, image_tokens, request_id, finish_reason, state, coordinate_space, space_reason, created_at, uid) VALUES (2, 'v5-conversation', 1, 'assistant', '<ref>狗</ref><box>(10,20),(300,400)</box> sunny beach', '', 'qwen-vl-max', '{"temperature":0.2,"seed":42}', 900, 30, 870, 'req-1', 'stop', 'complete', 'abs-resized', 'model-family', 1760000100000, '11223344556677889900aabbccddeeff');
INSERT INTO detections VALUES (2, 0, 'box', '狗', '{}', 10.0, 20.0, 290.0, 380.0, NULL, NULL, 0, 46, 'qwenvl-tags');
INSERT INTO messages (id, conversation_id, position, role, text, model_id, parameters, state, created_at, uid) VALUES (3, 'v5-conversation', 2, 'assistant', 'The umbrella is red. 图中还有一只猫', 'qwen-vl-max', '{}', 'complete', 1760000200000, 'ffeeddccbbaa00998877665544332211');
INSERT INTO layers VALUES ('v5-conversation', 'a1a1a1a1b2b2b2b2c3c3c3c3d4d4d4d4', '', 'beach.txt', '[{"kind":"box","label":"狗","rect":[12,22,288,378]}]', 1760000150000);
INSERT INTO search_entries (conversation_id, message_id, body, grams) VALUES ('v5-conversation', NULL, '海滩上的狗', '海 海滩 滩 滩上 上 上的 的 的狗 狗');
INSERT INTO search_entries (conversation_id, message_id, body, grams) VALUES ('v5-deleted', NULL, 'Deleted umbrella talk', '');
INSERT INTO search_entries (conversation_id, message_id, body, grams) VALUES ('v5-conversation', 1, '请框出海滩上的狗 and this umbrella', '请 请框 框 框出 出 出海 海 海滩 滩 滩上 上 上的 的 的狗 狗');
INSERT INTO search_entries (conversation_id, message_id, body, grams) VALUES ('v5-conversation', 2, '<ref>狗</ref><box>(10,20),(300,400)</box> sunny beach', '狗');
INSERT INTO search_entries (conversation_id, message_id, body, grams) VALUES ('v5-conversation', 3, 'The umbrella is red. 图中还有一只猫', '图 图中 中 中还 还 还有 有 有一 一 一只 只 只猫 猫');
PRAGMA user_version = 5;
