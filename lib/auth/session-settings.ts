/** How long a console session lasts; the cookie and the UserSession row expire together. */
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;
