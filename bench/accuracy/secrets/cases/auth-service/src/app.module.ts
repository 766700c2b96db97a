import { Module } from "@nestjs/common";
import { JwtModule } from "@nestjs/jwt";
import { AuthController } from "./auth.controller";

@Module({
  imports: [
    JwtModule.register({
      secret: "nest-dev-secret",
      signOptions: { expiresIn: "1h" },
    }),
  ],
  controllers: [AuthController],
})
export class AppModule {}
