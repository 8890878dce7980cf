// Cooperation agreements between the lead organisation and its partners.
import { queryOptions } from "@tanstack/react-query";
import { api, type Page } from "../../app/api-client";

export type Agreement = {
  id: string;
  leadOrganisationId: string;
  partnerOrganisationId: string;
  services: string[];
  acknowledgeWithinDays: number;
  firstAppointmentWithinDays: number;
  validFrom: string;
  validUntil: string | null;
  active: boolean;
  version: number;
  createdAt: string;
};

export type AgreementInput = {
  partnerOrganisationId: string;
  services: string[];
  acknowledgeWithinDays: number;
  firstAppointmentWithinDays: number;
  validFrom?: string;
  validUntil?: string | null;
};

export const agreementsQuery = queryOptions({
  queryKey: ["agreements"],
  queryFn: () => api.get<Page<Agreement>>("/agreements"),
});

export const agreementsApi = {
  create: (body: AgreementInput) => api.post<Agreement>("/agreements", body),
  update: (
    id: string,
    body: Pick<AgreementInput, "services" | "acknowledgeWithinDays" | "firstAppointmentWithinDays" | "validUntil"> & {
      version: number;
    },
  ) => api.patch<Agreement>(`/agreements/${id}`, body),
};
