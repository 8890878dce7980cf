// Routes of the data-protection officer's tools (access reports, Art. 15 exports), under the signed-in frame.

export const dataProtectionRoutes = [] as const;
