import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../src/config.js';

const TOKEN = 'x'.repeat(60);

describe('config', () => {
  it('GIVEN no variables THEN the defaults (terminal mode)', () => {
    expect(parseConfig({})).toEqual({
      DISCORD_API_URL: 'https://discord.com/api',
      CORPUS_DIR: 'corpus',
      INDEX_CACHE_DIR: '.cache',
      AUTO_DEPLOY: true,
      CORPUS_WATCH: true,
      LOG_LEVEL: 'info',
      COOLDOWN_QUESTIONS: 5,
      COOLDOWN_SECONDS: 30,
      DISCORD_CONNECT_ATTEMPTS: 5,
      HEALTH_HOST: '127.0.0.1',
      CHAT_MODE: 'mention',
      CHAT_THREADS: true,
      MESSAGE_CONTENT_INTENT: false,
      DATA_DIR: '.data',
      QUESTION_LOG: 'full',
      QUESTION_LOG_DAYS: 90,
      GUILD_CORPUS_DIR: '.data/reports',
      CORPUS_ADMIN_GUILDS: new Set(),
      IMPORT_ALLOWED_HOSTS: new Set(),
      IMPORT_MAX_MB: 5,
      FORGET_AFTER_DAYS: 30,
      THREADS_PER_MINUTE: 10,
      GUILD_ENGINES_KEPT: 128,
    });
  });

  it('GIVEN tenancy and import settings THEN they are read, and a bad one is named', () => {
    expect(parseConfig({ DATA_DIR: '/var/lib/bot', CORPUS_ADMIN_GUILDS: '1, 2', IMPORT_ALLOWED_HOSTS: 'Intranet.example, [::1], 10.0.0.5', IMPORT_MAX_MB: '8', FORGET_AFTER_DAYS: '0' })).toMatchObject({
      GUILD_CORPUS_DIR: '/var/lib/bot/reports',
      CORPUS_ADMIN_GUILDS: new Set(['1', '2']),
      IMPORT_ALLOWED_HOSTS: new Set(['intranet.example', '::1', '10.0.0.5']),
      IMPORT_MAX_MB: 8,
      FORGET_AFTER_DAYS: 0,
    });
    expect(() => parseConfig({ CORPUS_ADMIN_GUILDS: 'my server', IMPORT_ALLOWED_HOSTS: 'a b', IMPORT_MAX_MB: '100', THREADS_PER_MINUTE: '0' })).toThrow(
      /CORPUS_ADMIN_GUILDS: expected Discord server ids[\s\S]*IMPORT_ALLOWED_HOSTS: expected host names[\s\S]*IMPORT_MAX_MB: at most 25[\s\S]*THREADS_PER_MINUTE: expected a number above 0/,
    );
  });

  it('GIVEN chat settings THEN they are read, and a bad one is named', () => {
    expect(parseConfig({ CHAT_MODE: 'off', CHAT_THREADS: 'false', MESSAGE_CONTENT_INTENT: 'true' })).toMatchObject({ CHAT_MODE: 'off', CHAT_THREADS: false, MESSAGE_CONTENT_INTENT: true });
    expect(() => parseConfig({ CHAT_MODE: 'always', CHAT_THREADS: 'yes' })).toThrow(/CHAT_MODE: expected mention, all or off[\s\S]*CHAT_THREADS: expected true or false/);
  });

  it('GIVEN store settings THEN they are read, and a bad DATABASE_URL, QUESTION_LOG or QUESTION_LOG_DAYS is named', () => {
    expect(parseConfig({ DATABASE_URL: 'postgres://bot:pw@db:5432/bot', QUESTION_LOG: 'outcomes', QUESTION_LOG_DAYS: '30', DATA_DIR: '/var/lib/bot' })).toMatchObject({ DATABASE_URL: 'postgres://bot:pw@db:5432/bot', QUESTION_LOG: 'outcomes', QUESTION_LOG_DAYS: 30, DATA_DIR: '/var/lib/bot' });
    expect(() => parseConfig({ DATABASE_URL: 'mysql://db/bot', QUESTION_LOG: 'all', QUESTION_LOG_DAYS: '0' })).toThrow(/DATABASE_URL: expected postgres:\/\/[\s\S]*QUESTION_LOG: expected full, outcomes or off[\s\S]*QUESTION_LOG_DAYS: expected a number above 0/);
  });

  it('GIVEN empty values as copied from .env.example THEN they count as unset', () => {
    expect(parseConfig({ DISCORD_TOKEN: '', LOG_LEVEL: ' ', COOLDOWN_SECONDS: '' }).LOG_LEVEL).toBe('info');
  });

  it('GIVEN several bad variables THEN one message names each of them', () => {
    try {
      parseConfig({ DISCORD_TOKEN: 'two words', DISCORD_GUILD_ID: 'abc', DISCORD_API_URL: 'not a url', LOG_LEVEL: 'loud', COOLDOWN_QUESTIONS: '0' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as Error).message;
      for (const name of ['DISCORD_TOKEN', 'DISCORD_APP_ID', 'DISCORD_GUILD_ID', 'DISCORD_API_URL', 'LOG_LEVEL', 'COOLDOWN_QUESTIONS']) expect(message).toContain(`  ${name}: `);
    }
  });

  it('GIVEN a token and an application id THEN bot mode settings', () => {
    const config = parseConfig({ DISCORD_TOKEN: TOKEN, DISCORD_APP_ID: '123456789012345678', COOLDOWN_QUESTIONS: '2' });
    expect(config.DISCORD_TOKEN).toBe(TOKEN);
    expect(config.COOLDOWN_QUESTIONS).toBe(2);
  });
});
