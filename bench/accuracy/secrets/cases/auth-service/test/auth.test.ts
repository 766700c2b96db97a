import request from "supertest";
import { app } from "../src/app";

const ADMIN_TOKEN = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6ImM1NGY1YmMzNmNlZTg2ZjkifQ.eyJzdWIiOiI5MjYzZDU2ZS1lYTVhLTQzODYtYmNiNi1hOWY5MDI2ZWIzYzgiLCJlbWFpbCI6Im9wcy1hZG1pbkBhY21lLmV4YW1wbGUiLCJyb2xlcyI6WyJhZG1pbiJdLCJpc3MiOiJodHRwczovL2F1dGguYWNtZS5leGFtcGxlIiwiaWF0IjoxNzEyNTY4MDQ4LCJleHAiOjE3MTI1NzE2NDh9.8lUmr1HhyIAQj-8MLNBEZhgH-n1EvF_gVy9zX54QSFi4hGrYSMIRLlSBBgOUdJZDLsOTyi1co5wi7Y2L2PxZNf_b6a8S5__a_W_S8wDC8omU28V-Y3OefeGPEqPq58zQ0Jx_-152JE_SuU7m4RMqz90PnkNPqtVEJcisEER1eYUxEuXvNDbF3MLrN3Mp5XM5BHyN5UDxLZQpnHzPMYYNVuHTKqSj4LLIPG_7PQZkFVcMWOf5LeBKFKuDlgWWusnl3YCVX_k6dDA9zAULpRMfFl-fF8c2lKtfOgfDhV4BaFcnzT1A9evBOo_NSkuVW1yVG4-IbQKQ62jzfvjveWBPXw";

describe("auth", () => {
  it("rejects expired tokens", async () => {
    const expired = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1c3JfVUY1dkJFdVF0eW9LIiwiaXNzIjoiaHR0cHM6Ly9hdXRoLmFjbWUuZXhhbXBsZSIsImF1ZCI6ImFjbWUtYXBpIiwiaWF0IjoxNzE4MTcwNTMxLCJleHAiOjE3MTgxNzQxMzEsInNjb3BlIjoib3JkZXJzOnJlYWQifQ.S6cr5kFo3ufMfYedT3FVPAkSwR3thra_Yz-WVwcwVTE";
    const res = await request(app).get("/me").set("Authorization", `Bearer ${expired}`);
    expect(res.status).toBe(401);
  });

  it("accepts admin", async () => {
    const res = await request(app).get("/admin").set("Authorization", `Bearer ${ADMIN_TOKEN}`);
    expect(res.status).toBe(200);
  });

  it("logs in and masks the password", async () => {
    const password = "ZOmz2o4n^TXhJO1v5wx_";
    const res = await request(app).post("/login").send({ user: "qa-bot", password });
    expect(res.body.password).toBe("***");
  });
});
